import type { LastTime } from '../../../shared/contracts/cycle';
import { getAssessment } from '../assessments';
import type { CoreContext } from '../context';
import { listFindings } from '../findings';
import { listResponses } from '../responses';
import { carriedFindingsOf } from './carried-findings';
import { linkedEvidence } from './evidence-age';
import { linkOf, previousAssessment } from './links';

/**
 * What the interview shows beside the new, empty answer: last cycle's result, notes and findings
 * for the requirement (read from last cycle's own records, never copied into this one), and the
 * evidence linked to it with its age and expiry.
 */
export function lastTime(ctx: CoreContext, assessmentId: string, requirementId: string): LastTime {
  const assessment = getAssessment(ctx, assessmentId);
  const evidence = linkedEvidence(ctx, assessment, [requirementId]);
  const previous = previousAssessment(ctx, assessment);
  if (!previous) return { previous: null, response: null, findings: [], evidence };
  const answer = listResponses(ctx, previous.id).find((r) => r.requirementId === requirementId);
  const findings = [
    ...carriedFindingsOf(ctx, previous.id).map((f) => ({ ...f, id: f.findingId })),
    ...listFindings(ctx, previous.id),
  ]
    .filter((f) => f.requirementId === requirementId)
    .map((f) => ({
      id: f.id,
      ref: f.ref,
      grade: f.grade,
      statement: f.statement,
      status: f.status,
      closedAt: f.closedAt,
    }));
  return {
    previous: linkOf(ctx, previous),
    response: answer
      ? {
          result: answer.result,
          maturity: answer.maturity,
          notes: answer.notes,
          naJustification: answer.naJustification,
          interviewees: answer.interviewees,
          updatedAt: answer.updatedAt,
          updatedBy: answer.updatedBy,
        }
      : null,
    findings,
    evidence,
  };
}
