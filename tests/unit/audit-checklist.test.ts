import { describe, expect, it } from 'vitest';
import {
  checklistAnswerProblems,
  checklistProgress,
  checklistVerdicts,
} from '../../shared/rules/audit-checklist';

describe('the audit checklist rules', () => {
  it('counts a line answered once it has any verdict, "not audited" included', () => {
    expect(checklistProgress([null, 'conformity', 'not-audited', 'nonconformity', null])).toEqual({
      total: 5,
      answered: 3,
      counts: { conformity: 1, nonconformity: 1, observation: 0, 'not-audited': 1 },
    });
    expect(checklistProgress([])).toMatchObject({ total: 0, answered: 0 });
  });

  it('asks a nonconformity, an observation and "not audited" to say why, and a conformity nothing', () => {
    const blank = (verdict: (typeof checklistVerdicts)[number]) =>
      Object.keys(checklistAnswerProblems({ verdict, notes: '  \n ' }));
    expect(checklistVerdicts.map(blank)).toEqual([[], ['notes'], ['notes'], ['notes']]);
    for (const verdict of checklistVerdicts) {
      expect(checklistAnswerProblems({ verdict, notes: 'Sampled three releases.' })).toEqual({});
    }
  });
});
