import { and, asc, eq, like } from 'drizzle-orm';
import type { ChecklistVerdict, NonconformityGrade } from '../../../shared/rules/audit-checklist';
import type { CoreContext } from '../context';
import { raiseDemoAction } from '../corrective-actions';
import { schema } from '../db';
import { auditChecklist } from './checklist';
import { answerChecklist } from './checklist-write';

const { evidenceItems } = schema;

interface Special {
  verdict: ChecklistVerdict;
  grade?: NonconformityGrade;
  notes: string;
  /** Titles of the engagement's evidence looked at (matched by their start). */
  evidence?: string[];
}

/** What the demo's auditors found beyond conformity, by requirement ref. Our own wording. */
const found: Record<string, Special> = {
  '5.2': {
    verdict: 'conformity',
    notes:
      'The signed policy is on the intranet; three people asked at random knew where to find it.',
    evidence: ['AI policy'],
  },
  '6.1.2': {
    verdict: 'observation',
    notes:
      'Both teams apply the risk method, but they score likelihood on different scales, so their results cannot be compared or added up.',
    evidence: ['AI risk register'],
  },
  '6.3': {
    verdict: 'not-audited',
    notes: 'No change to the AIMS was planned in the period; left for the next audit of clause 6.',
  },
  '8.3': {
    verdict: 'nonconformity',
    grade: 'minor',
    notes:
      'The treatment plan of the credit-scoring model lists two controls that were never put in place, and nobody tracks the plan.',
    evidence: ['AI risk register'],
  },
  'A.6.2.4': {
    verdict: 'nonconformity',
    grade: 'major',
    notes:
      'The chatbot release of April went live without the verification and validation the life-cycle procedure requires: no test report, no sign-off.',
    evidence: ['Model card'],
  },
  'A.6.2.8': {
    verdict: 'observation',
    notes:
      'Event logs are kept, but for 30 days only; the team could not say whether that is enough for incident review.',
  },
};

const conformityNotes = [
  'Interviewed the owner and sampled the records of the last two quarters: in place and followed.',
  'Walked through the procedure with the team; the records match what it asks for.',
  'Sampled three cases; each shows the step done and approved.',
];

function evidenceIds(ctx: CoreContext, engagementId: string, titles: string[] = []): string[] {
  return titles.flatMap((title) => {
    const row = ctx.store.db
      .select({ id: evidenceItems.id })
      .from(evidenceItems)
      .where(
        and(eq(evidenceItems.engagementId, engagementId), like(evidenceItems.title, `${title}%`)),
      )
      .orderBy(asc(evidenceItems.createdAt))
      .get();
    return row ? [row.id] : [];
  });
}

/**
 * The checklists of the demo's held audits, every line answered through the same service a
 * user's answer goes through: conformities, observations, one line not audited, and the second
 * audit's two nonconformities raised in this year's assessment (one with its action started).
 */
export function seedChecklistsDemo(
  ctx: CoreContext,
  engagementId: string,
  auditIds: string[],
): { findings: number; actions: number } {
  let findings = 0;
  let actions = 0;
  for (const auditId of auditIds) {
    const { lines } = auditChecklist(ctx, auditId);
    lines.forEach((line, i) => {
      const special = found[line.ref];
      const answered = answerChecklist(ctx, {
        auditId,
        requirementId: line.requirementId,
        verdict: special?.verdict ?? 'conformity',
        grade: special?.grade ?? null,
        notes: special?.notes ?? conformityNotes[i % conformityNotes.length] ?? '',
        evidenceIds: evidenceIds(ctx, engagementId, special?.evidence),
      });
      const finding = answered.answer?.finding;
      if (!finding) return;
      findings += 1;
      if (finding.grade !== 'minor') return;
      raiseDemoAction(ctx, finding.id, '2027-01-29');
      actions += 1;
    });
  }
  return { findings, actions };
}
