import {
  IconCheck,
  IconCircleDashed,
  IconCircleHalf2,
  IconMinus,
  IconX,
  type Icon,
} from '@tabler/icons-react';
import type { Result } from '../../../../shared/domain/assessment';

export const resultColours: Record<Result, string> = {
  conformant: 'green',
  'partially-conformant': 'yellow',
  nonconformant: 'red',
  'not-applicable': 'gray',
  'not-assessed': 'gray',
};

/** A shape per result, beside its colour: a result is never told by colour alone. */
export const resultIcons: Record<Result, Icon> = {
  conformant: IconCheck,
  'partially-conformant': IconCircleHalf2,
  nonconformant: IconX,
  'not-applicable': IconMinus,
  'not-assessed': IconCircleDashed,
};

/** Keyboard keys for each result, in the order the buttons show them. */
export const resultKeys: [string, Result][] = [
  ['1', 'conformant'],
  ['2', 'partially-conformant'],
  ['3', 'nonconformant'],
  ['4', 'not-applicable'],
  ['0', 'not-assessed'],
];
