import { findingGradeLabels } from '../../../shared/domain/assessment';
import { actionStatusLabels } from '../../../shared/rules/corrective-actions';
import { getAssessment } from '../assessments';
import type { CoreContext } from '../context';
import { findingsWithoutAction, listActions } from '../corrective-actions';
import { carriedFindingsOf } from '../cycle';
import { listFindings } from '../findings';
import type { ReportActions } from './types';

/**
 * The corrective-action register of an engagement as the reports print it: every action (or
 * those answering the findings `keep` holds) and the open nonconformities with no action yet.
 */
export function engagementActions(
  ctx: CoreContext,
  engagementId: string,
  keep: (findingId: string) => boolean = () => true,
): ReportActions {
  const rows = listActions(ctx, engagementId)
    .filter((a) => keep(a.findingId))
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
  const without = findingsWithoutAction(ctx, engagementId).filter((f) => keep(f.findingId));
  return {
    rows,
    withoutAction: without.map((f) => `${f.ref} (${f.assessmentTitle}, ${f.requirementRef})`),
  };
}

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
  return engagementActions(ctx, assessment.engagementId, (id) => mine.has(id));
}
