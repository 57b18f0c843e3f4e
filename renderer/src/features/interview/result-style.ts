import type { Result } from '../../../../shared/domain/assessment';

export const resultColours: Record<Result, string> = {
  conformant: 'green',
  'partially-conformant': 'yellow',
  nonconformant: 'red',
  'not-applicable': 'gray',
  'not-assessed': 'gray',
};

/** Keyboard keys for each result, in the order the buttons show them. */
export const resultKeys: [string, Result][] = [
  ['1', 'conformant'],
  ['2', 'partially-conformant'],
  ['3', 'nonconformant'],
  ['4', 'not-applicable'],
  ['0', 'not-assessed'],
];
