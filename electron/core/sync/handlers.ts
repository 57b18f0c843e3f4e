import type { DomainHandlers } from '../handler';
import { CommandFailure } from '../errors';
import { describeConflicts } from './describe';
import { SyncRefusal } from './merger';
import { resolveConflict } from './resolve';

/** The merge screen's commands: the open conflicts of an engagement, and deciding one. */
export const conflictHandlers: DomainHandlers<'conflicts'> = {
  'conflicts.list': (ctx, input) => describeConflicts(ctx.store.sqlite, input.engagementId),
  'conflicts.resolve': (ctx, input) => {
    try {
      return resolveConflict(
        ctx.store.sqlite,
        input.id,
        input.take === 'value' ? { take: 'value', value: input.value } : { take: input.take },
        {
          actor: ctx.actor(),
          now: ctx.now(),
        },
      );
    } catch (error) {
      if (error instanceof SyncRefusal) {
        throw new CommandFailure(
          error.code === 'MISSING' ? 'NOT_FOUND' : 'VALIDATION',
          error.message,
        );
      }
      throw error;
    }
  },
};
