import { describe, expect, it } from 'vitest';
import type { SoaRow } from '../../shared/contracts/soa';
import {
  fx,
  req,
  ok,
  failure,
  auditCount,
  answer,
  useAssessmentFixture,
} from '../helpers/assessment-fixture';

useAssessmentFixture();

describe('Statement of Applicability', () => {
  const soaRow = async (ref: string) =>
    (await ok<SoaRow[]>('soa.list', { assessmentId: fx.assessment.id })).find((r) => r.ref === ref);

  it('refuses an exclusion without justification and a requirement that is not a control', async () => {
    const error = await failure('soa.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('A.2.2'),
      applicable: false,
      justification: '',
      implementationStatus: 'not-applicable',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toBe('justification');
    expect((await soaRow('A.2.2'))?.entry).toBeNull();

    const notControl = await failure('soa.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('6.1.2'),
      applicable: true,
      justification: 'Needed.',
      implementationStatus: 'implemented',
    });
    expect(notControl.details?.issues?.[0]?.path).toBe('requirementId');

    const saved = await ok<SoaRow>('soa.save', {
      assessmentId: fx.assessment.id,
      requirementId: req('A.2.2'),
      applicable: false,
      justification: 'No AI policy needed beyond the group policy.',
      implementationStatus: 'not-applicable',
    });
    expect(saved.entry).toMatchObject({ applicable: false, updatedBy: 'tester' });
    expect(auditCount('soa.save')).toBe(1);
  });

  it('lists all 38 controls and suggests decisions from answers and risks, then accepts them', async () => {
    const rows = await ok<SoaRow[]>('soa.list', { assessmentId: fx.assessment.id });
    expect(rows).toHaveLength(38);
    expect(new Set(rows.map((r) => r.area))).toEqual(
      new Set(['A.2', 'A.3', 'A.4', 'A.5', 'A.6', 'A.7', 'A.8', 'A.9', 'A.10']),
    );

    await ok('assessments.update', {
      id: fx.assessment.id,
      title: fx.assessment.title,
      excludedAreas: [],
    });
    await answer(req('A.10.3'), {
      result: 'not-applicable',
      naJustification: 'No suppliers of AI.',
    });
    expect((await soaRow('A.10.3'))?.suggestion).toEqual({
      applicable: false,
      justification: 'No suppliers of AI.',
      implementationStatus: 'not-applicable',
    });

    const now = new Date().toISOString();
    const riskId = '01900000-0000-7000-8000-000000000001';
    fx.core.store.sqlite
      .prepare(
        `INSERT INTO risks (id, engagement_id, ref, title, likelihood, impact, inherent_score, inherent_band,
           criteria_version, status, created_at, updated_at, updated_by)
         VALUES (?, ?, 'R-003', 'Biased credit decisions', 3, 4, 12, 'high', 1, 'open', ?, ?, 'tester')`,
      )
      .run(riskId, fx.assessment.engagementId, now, now);
    fx.core.store.sqlite
      .prepare('INSERT INTO risk_controls (risk_id, requirement_id) VALUES (?, ?)')
      .run(riskId, req('A.7.4'));
    const withRisk = await soaRow('A.7.4');
    expect(withRisk?.risks).toEqual([
      { id: riskId, ref: 'R-003', title: 'Biased credit decisions' },
    ]);
    expect(withRisk?.suggestion.applicable).toBe(true);
    expect(withRisk?.suggestion.justification).toContain('R-003 (Biased credit decisions)');

    const outcome = await ok<{ accepted: number; needJustification: number }>(
      'soa.acceptSuggestions',
      { assessmentId: fx.assessment.id },
    );
    expect(outcome).toEqual({ accepted: 2, needJustification: 36 });
    expect((await soaRow('A.10.3'))?.entry).toMatchObject({
      applicable: false,
      justification: 'No suppliers of AI.',
    });
    expect((await soaRow('A.7.4'))?.entry?.applicable).toBe(true);
    expect(await ok('soa.acceptSuggestions', { assessmentId: fx.assessment.id })).toEqual({
      accepted: 0,
      needJustification: 36,
    });
  });
});
