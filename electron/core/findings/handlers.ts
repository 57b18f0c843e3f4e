import type { DomainHandlers } from '../handler';
import { listFindings } from './queries';
import { createFinding, deleteFinding, updateFinding } from './write';

export const findingHandlers: DomainHandlers<'findings'> = {
  'findings.list': (ctx, input) => listFindings(ctx, input.assessmentId),
  'findings.create': (ctx, input) => createFinding(ctx, input),
  'findings.update': (ctx, input) => updateFinding(ctx, input),
  'findings.delete': (ctx, input) => deleteFinding(ctx, input.id),
};
