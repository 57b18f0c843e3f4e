import type { DomainHandlers } from '../handler';
import { getAssessment, listAssessments } from './queries';
import {
  createAssessment,
  deleteAssessment,
  reopenAssessment,
  saveScoping,
  setAssessmentStatus,
  setPosition,
  updateAssessment,
} from './write';

export const assessmentHandlers: DomainHandlers<'assessments'> = {
  'assessments.list': (ctx, input) => listAssessments(ctx, input.engagementId),
  'assessments.get': (ctx, input) => getAssessment(ctx, input.id),
  'assessments.create': (ctx, input) => createAssessment(ctx, input),
  'assessments.update': (ctx, input) => updateAssessment(ctx, input),
  'assessments.setStatus': (ctx, input) => setAssessmentStatus(ctx, input),
  'assessments.reopen': (ctx, input) => reopenAssessment(ctx, input),
  'assessments.delete': (ctx, input) => deleteAssessment(ctx, input.id),
  'assessments.setPosition': (ctx, input) => setPosition(ctx, input.id, input.requirementId),
  'assessments.saveScoping': (ctx, input) => saveScoping(ctx, input),
};
