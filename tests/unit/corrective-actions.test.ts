import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  actionStatuses,
  daysOverdue,
  isClosing,
  statusAfterSave,
} from '../../shared/rules/corrective-actions';

describe('corrective-action rules', () => {
  it('sends a completed action to review, and back to open when the completion is cleared', () => {
    expect(statusAfterSave('open', null, null)).toBe('open');
    expect(statusAfterSave('open', null, '2026-01-20')).toBe('awaiting-review');
    expect(statusAfterSave('awaiting-review', '2026-01-20', null)).toBe('open');
    expect(statusAfterSave('not-effective', '2026-01-20', '2026-01-20')).toBe('not-effective');
    expect(statusAfterSave('not-effective', '2026-01-20', '2026-02-10')).toBe('awaiting-review');
  });

  it('never lets saving the plan open or close an action that is closed', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...actionStatuses),
        fc.option(fc.constant('2026-01-20')),
        fc.option(fc.constant('2026-02-01')),
        (status, before, after) => {
          const next = statusAfterSave(status, before, after);
          // Saving can never produce a closing status; only a review or an acceptance does.
          expect(isClosing(next)).toBe(isClosing(status));
        },
      ),
    );
  });

  it('counts days overdue only for an action still to carry out', () => {
    expect(daysOverdue('open', '2026-01-01', '2026-01-11')).toBe(10);
    expect(daysOverdue('not-effective', '2026-01-01', '2026-01-02')).toBe(1);
    expect(daysOverdue('open', '2026-01-11', '2026-01-11')).toBe(0);
    expect(daysOverdue('open', null, '2026-01-11')).toBe(0);
    expect(daysOverdue('awaiting-review', '2026-01-01', '2026-03-01')).toBe(0);
    expect(daysOverdue('effective', '2026-01-01', '2026-03-01')).toBe(0);
  });
});
