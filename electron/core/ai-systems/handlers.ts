import type { DomainHandlers } from '../handler';
import { createAiSystem, deleteAiSystem, listAiSystems, updateAiSystem } from './systems';

export const aiSystemHandlers: DomainHandlers<'aiSystems'> = {
  'aiSystems.list': (ctx, input) => listAiSystems(ctx, input.engagementId),
  'aiSystems.create': (ctx, input) => createAiSystem(ctx, input),
  'aiSystems.update': (ctx, input) => updateAiSystem(ctx, input),
  'aiSystems.delete': (ctx, input) => deleteAiSystem(ctx, input.id),
};
