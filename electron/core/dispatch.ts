import { type z } from 'zod';
import { contracts, isCommandName } from '../../shared/contracts';
import { describeIssues, issuesFromZod, type Result } from '../../shared/contracts/envelope';
import type { CoreContext } from './context';
import { damagedReadMessage, readOnlyRefusal } from './db';
import { CommandFailure } from './errors';
import type { Handler } from './handler';
import { handlers } from './commands';
import { logUnexpected } from './log';

export interface Dispatcher {
  dispatch(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatchOptions {
  /** Check every output against its contract too (tests and development). */
  validateOutput?: boolean;
}

/**
 * Validates input with the command's zod schema, runs the handler and wraps the outcome in the
 * envelope. Nothing throws across the boundary, and no stack trace or SQL text leaves it.
 */
export function createDispatcher(ctx: CoreContext, options: DispatchOptions = {}): Dispatcher {
  return {
    async dispatch(name, raw) {
      if (!isCommandName(name)) {
        return {
          ok: false,
          error: {
            code: 'UNKNOWN_COMMAND',
            message: `There is no command named "${String(name).slice(0, 100)}".`,
          },
        };
      }
      const contract = contracts[name];
      // A damaged store is open read-only: every command that changes data is refused before it
      // runs, so nothing is written into a file that is known to be damaged.
      const refusal = contract.mutates ? readOnlyRefusal(ctx.store.health) : null;
      if (refusal) return { ok: false, error: { code: 'READ_ONLY', message: refusal } };
      // Only a missing input means "no fields"; null or any other non-object is refused.
      const parsed = contract.input.safeParse(raw === undefined ? {} : raw);
      if (!parsed.success) {
        const issues = issuesFromZod(parsed.error);
        return {
          ok: false,
          error: { code: 'VALIDATION', message: describeIssues(issues), details: { issues } },
        };
      }
      try {
        const handler = handlers[name] as Handler<typeof name>;
        const value = await handler(ctx, parsed.data as never);
        if (options.validateOutput) (contract.output as z.ZodType).parse(value);
        return { ok: true, value };
      } catch (error) {
        if (error instanceof CommandFailure) {
          return {
            ok: false,
            error: {
              code: error.code,
              message: error.message,
              ...(error.details ? { details: error.details } : {}),
            },
          };
        }
        // Not a refusal we wrote: a bug or a broken environment. The stack goes to the log file,
        // and the person is told where it is so a bug report can include it.
        const where = await logUnexpected(ctx.log, name, error);
        // A read that hit the damaged part of the store is no bug: say what to do instead.
        const damage = damagedReadMessage(error);
        if (damage) return { ok: false, error: { code: 'UNAVAILABLE', message: damage } };
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Assay could not complete "${name}". Nothing was changed; ${where}.`,
          },
        };
      }
    },
  };
}
