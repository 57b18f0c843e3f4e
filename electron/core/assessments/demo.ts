import { DEFAULT_FRAMEWORK_ID, type Assessment } from '../../../shared/contracts/assessments';
import type { CoreContext } from '../context';
import { createAssessment } from './write';

/** The demo engagement's readiness review against ISO/IEC 42001, whole scope. */
export function seedAssessmentDemo(ctx: CoreContext, engagementId: string): Assessment {
  return createAssessment(ctx, {
    engagementId,
    frameworkId: DEFAULT_FRAMEWORK_ID,
    title: 'ISO/IEC 42001 readiness review 2026',
    excludedAreas: [],
    plannedStart: '2026-10-05',
    plannedEnd: '2026-10-09',
  });
}
