import { describe, expect, it } from 'vitest';
import { DOCUMENT_LINES, toldBlockers, type StageBlocker } from '../../shared/rules/stages';

const blocker = (gate: StageBlocker['gate'], ref: string): StageBlocker => ({
  gate,
  reason: `${ref} blocks`,
  refs: [ref],
  stages: [1],
});

describe('a stage’s blockers as told to a person', () => {
  it('keeps every blocker while few documents are missing', () => {
    const blockers = [
      blocker('soa-decided', 'A.6.2.4'),
      ...['4.3', '5.2', '6.2', '7.5.1']
        .slice(0, DOCUMENT_LINES)
        .map((r) => blocker('documents', r)),
      blocker('audit-and-review', '9.2.2'),
    ];
    expect(toldBlockers(blockers)).toEqual(blockers);
  });

  it('tells many missing documents as one line where the first stood, naming each requirement once', () => {
    const documents = ['4.3', '5.2', '6.1.3', '6.1.3', '6.2'].map((r) => blocker('documents', r));
    const told = toldBlockers([
      blocker('soa-decided', 'A.2.2'),
      ...documents,
      blocker('audit-and-review', '9.3.3'),
    ]);
    expect(told.map((b) => b.gate)).toEqual(['soa-decided', 'documents', 'audit-and-review']);
    expect(told[1]?.refs).toEqual(['4.3', '5.2', '6.1.3', '6.2']);
    expect(told[1]?.reason).toBe(
      '5 items of mandatory documented information are not in place (4.3, 5.2, 6.1.3, 6.2); the register says which and why.',
    );
    expect(told[1]?.stages).toEqual([1]);
  });
});
