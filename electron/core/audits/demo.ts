import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { seedChecklistsDemo } from './demo-checklist';
import { saveAudit, saveProgramme } from './write';

/** Requirement ids whose refs start with any of the given areas ("5", "A.6"). */
function idsIn(ctx: CoreContext, areas: string[]): string[] {
  return requirementIndex(ctx, DEFAULT_FRAMEWORK_ID)
    .assessable.filter((r) => areas.some((a) => r.ref === a || r.ref.startsWith(`${a}.`)))
    .map((r) => r.id);
}

/**
 * A three-year programme for the demo engagement: two audits held (one with an auditor who owns
 * part of what they audited, so the independence check shows), one planned, and areas not yet
 * covered — what the coverage map is for.
 */
export function seedAuditsDemo(
  ctx: CoreContext,
  engagementId: string,
): { audits: number; findings: number; actions: number } {
  const programme = saveProgramme(ctx, {
    engagementId,
    title: 'Internal audit programme 2025–2027',
    periodStart: '2025-01-01',
    periodEnd: '2027-12-31',
    objectives: 'Every clause and every applicable control audited at least once in the period.',
  });
  const audit = (input: Omit<Parameters<typeof saveAudit>[1], 'programmeId' | 'id'>) =>
    saveAudit(ctx, { programmeId: programme.id, ...input });
  const first = audit({
    title: 'Context, leadership and planning',
    scope: 'The AIMS scope, the AI policy, roles, and the AI risk and impact assessment processes.',
    criteria: 'ISO/IEC 42001:2023 clauses 4 to 6; the AI policy',
    plannedOn: '2025-11-03',
    heldFrom: '2025-11-03',
    heldTo: '2025-11-04',
    status: 'completed',
    auditors: [{ name: 'Samuel Osei', owns: ['9.2'] }],
    auditees: ['Priya Raman', 'Aisha Bello'],
    requirementIds: idsIn(ctx, ['4', '5', '6']),
    conclusion:
      'The policy and roles are in place; the two teams score AI risks on different scales (observation).',
  });
  const second = audit({
    title: 'Operation and the AI system life cycle',
    scope: 'Operational planning, the risk treatment in operation, and the life-cycle controls.',
    criteria: 'ISO/IEC 42001:2023 clause 8 and Annex A.6',
    plannedOn: '2026-05-11',
    heldFrom: '2026-05-11',
    heldTo: '2026-05-13',
    status: 'completed',
    auditors: [
      { name: 'Samuel Osei', owns: ['9.2'] },
      { name: 'Tom Whitfield', owns: ['A.6.2'] },
    ],
    auditees: ['Jonas Berg', 'Tom Whitfield'],
    requirementIds: idsIn(ctx, ['8', 'A.6']),
    conclusion:
      'The chatbot release went live unverified (major) and a treatment plan is not tracked (minor).',
  });
  audit({
    title: 'Performance evaluation, improvement and data',
    scope: 'Monitoring, internal audit, management review, corrective actions, data controls.',
    criteria: 'ISO/IEC 42001:2023 clauses 9 and 10 and Annex A.7',
    plannedOn: '2027-03-08',
    status: 'planned',
    auditors: [{ name: 'External auditor (contracted)', owns: [] }],
    auditees: ['Samuel Osei', 'Lucía Fernández'],
    requirementIds: idsIn(ctx, ['9', '10', 'A.7']),
    heldFrom: null,
    heldTo: null,
    conclusion: '',
  });
  // Their checklists, answered during the audits; the second raised two nonconformities.
  return { audits: 3, ...seedChecklistsDemo(ctx, engagementId, [first.id, second.id]) };
}
