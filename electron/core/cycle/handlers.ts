import { getAssessment } from '../assessments';
import type { DomainHandlers } from '../handler';
import { confirmCarried, cycleView } from './carried';
import { evidenceWarnings } from './evidence-age';
import { lastTime } from './last-time';
import { startNextCycle } from './start-next';

export const cycleHandlers: DomainHandlers<'cycle'> = {
  'cycle.startNext': (ctx, input) => startNextCycle(ctx, input),
  'cycle.get': (ctx, input) => cycleView(ctx, input.assessmentId),
  'cycle.confirm': (ctx, input) => confirmCarried(ctx, input),
  'cycle.lastTime': (ctx, input) => lastTime(ctx, input.assessmentId, input.requirementId),
  'cycle.evidenceWarnings': (ctx, input) =>
    evidenceWarnings(ctx, getAssessment(ctx, input.assessmentId)),
};
