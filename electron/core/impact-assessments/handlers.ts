import type { DomainHandlers } from '../handler';
import {
  createImpactAssessment,
  deleteImpactAssessment,
  listImpactAssessments,
  updateImpactAssessment,
} from './assessments';

export const impactAssessmentHandlers: DomainHandlers<'impactAssessments'> = {
  'impactAssessments.list': (ctx, input) => listImpactAssessments(ctx, input),
  'impactAssessments.create': (ctx, input) => createImpactAssessment(ctx, input),
  'impactAssessments.update': (ctx, input) => updateImpactAssessment(ctx, input),
  'impactAssessments.delete': (ctx, input) => deleteImpactAssessment(ctx, input.id),
};
