import type { DomainHandlers } from '../handler';
import { refuseClosureChange } from './closure';
import { getFinding, listFindings } from './queries';
import { createFinding, deleteFinding, updateFinding } from './write';

export const findingHandlers: DomainHandlers<'findings'> = {
  'findings.list': (ctx, input) => listFindings(ctx, input.assessmentId),
  'findings.create': (ctx, input) => {
    refuseClosureChange(null, input.status);
    return createFinding(ctx, input);
  },
  'findings.update': (ctx, input) => {
    refuseClosureChange(getFinding(ctx, input.id).status, input.status);
    return updateFinding(ctx, input);
  },
  'findings.delete': (ctx, input) => deleteFinding(ctx, input.id),
};
