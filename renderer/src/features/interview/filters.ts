import type { Draft } from '../../stores/interview';

export type NavFilter = 'all' | 'unanswered' | 'flagged' | 'nonconformant';

export function matchesFilter(filter: NavFilter, draft: Draft | undefined): boolean {
  switch (filter) {
    case 'unanswered':
      return !draft || draft.result === 'not-assessed';
    case 'flagged':
      return draft?.followUp === true;
    case 'nonconformant':
      return draft?.result === 'nonconformant' || draft?.result === 'partially-conformant';
    default:
      return true;
  }
}

export const isAnswered = (draft: Draft | undefined) => !!draft && draft.result !== 'not-assessed';
