import { type z } from 'zod';
import {
  contracts,
  isCommandName,
  type CommandName,
  type CommandOutput,
  type ParsedInput,
} from '../../shared/contracts';
import { describeIssues, issuesFromZod, type Result } from '../../shared/contracts/envelope';
import type { CoreContext } from './context';
import { CommandFailure } from './errors';
import { verifyAuditChain } from './audit';
import { getCatalog, listFrameworks } from './services/catalog';
import {
  createEngagement,
  deleteEngagement,
  getEngagement,
  listEngagements,
  updateEngagement,
} from './services/engagements';

type Handler<N extends CommandName> = (
  ctx: CoreContext,
  input: ParsedInput<N>,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

export type Handlers = { [N in CommandName]: Handler<N> };

/** The one registry: every contract in shared/ has exactly one handler here (the type enforces it). */
export const handlers: Handlers = {
  'app.info': (ctx) => ({
    name: 'Assay',
    version: ctx.version,
    dataDir: ctx.dataDir,
    transport: ctx.transport,
    actor: ctx.actor(),
  }),
  'app.auditVerify': (ctx) => verifyAuditChain(ctx.store.sqlite),
  'catalog.frameworks': (ctx) => listFrameworks(ctx),
  'catalog.get': (ctx, input) => getCatalog(ctx, input.frameworkId),
  'engagements.list': (ctx) => listEngagements(ctx),
  'engagements.get': (ctx, input) => getEngagement(ctx, input.id),
  'engagements.create': (ctx, input) => createEngagement(ctx, input),
  'engagements.update': (ctx, input) => updateEngagement(ctx, input),
  'engagements.delete': (ctx, input) => deleteEngagement(ctx, input.id),
};

export interface Dispatcher {
  dispatch(name: string, input: unknown): Promise<Result<unknown>>;
}

export interface DispatchOptions {
  /** Check every output against its contract too (tests and development). */
  validateOutput?: boolean;
  onInternalError?: (name: string, error: unknown) => void;
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
        options.onInternalError?.(name, error);
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Assay could not complete "${name}". Nothing was changed; the details are in the log.`,
          },
        };
      }
    },
  };
}
