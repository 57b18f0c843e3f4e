import { findingGradeLabels } from '../../../shared/domain/assessment';
import { actionStatusLabels } from '../../../shared/rules/corrective-actions';
import { getAssessment } from '../assessments';
import type { CoreContext } from '../context';
import { findingsWithoutAction, listActions } from '../corrective-actions';
import { carriedFindingsOf } from '../cycle';
import { listFindings } from '../findings';
import type { ReportActions } from './types';

/**
 * The report's corrective-action register: the actions answering this assessment's findings and
 * those it carried from earlier cycles, and the nonconformities among them with no action yet.
 */
export function actionsSection(ctx: CoreContext, assessmentId: string): ReportActions {
  const assessment = getAssessment(ctx, assessmentId);
  const mine = new Set([
    ...listFindings(ctx, assessmentId).map((f) => f.id),
    ...carriedFindingsOf(ctx, assessmentId).map((f) => f.findingId),
  ]);
  const rows = listActions(ctx, assessment.engagementId)
    .filter((a) => mine.has(a.findingId))
    .map((a) => ({
      ref: a.finding.ref,
      raisedIn: a.finding.assessmentTitle,
      requirementRef: a.finding.requirementRef,
      grade: findingGradeLabels[a.finding.grade],
      rootCause: a.rootCause,
      action: a.action,
      owner: a.owner,
      dueDate: a.dueDate,
      daysOverdue: a.daysOverdue,
      status: actionStatusLabels[a.status],
      statusKey: a.status,
      closure:
        a.status === 'effective'
          ? `Reviewed ${a.reviewedOn ?? ''} by ${a.reviewer}`
          : a.status === 'accepted'
            ? `${a.acceptedOn ?? ''} by ${a.acceptedBy}: ${a.acceptedReason}`
            : a.status === 'not-effective'
              ? `Reviewed ${a.reviewedOn ?? ''} by ${a.reviewer}`
              : a.completedOn
                ? `Completed ${a.completedOn}`
                : '',
    }));
  const without = findingsWithoutAction(ctx, assessment.engagementId).filter((f) =>
    mine.has(f.findingId),
  );
  return {
    rows,
    withoutAction: without.map((f) => `${f.ref} (${f.assessmentTitle}, ${f.requirementRef})`),
  };
}
