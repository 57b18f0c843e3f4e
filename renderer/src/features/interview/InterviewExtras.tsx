import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Requirement } from '../../../../shared/contracts/catalog';

/** Findings and evidence for the requirement on screen, from their own features. */
export function InterviewExtras({
  assessment,
  requirement,
}: {
  assessment: Assessment;
  requirement: Requirement;
}) {
  void assessment;
  void requirement;
  return null;
}
