import type { CommandName, CommandOutput, ParsedInput } from '../../shared/contracts';
import type { CoreContext } from './context';

/** One command's implementation: validated input in, the contract's output (or a promise of it) out. */
export type Handler<N extends CommandName> = (
  ctx: CoreContext,
  input: ParsedInput<N>,
) => CommandOutput<N> | Promise<CommandOutput<N>>;

/** The command names that start with `<prefix>.` (e.g. `CommandsOf<'risks'>`). */
export type CommandsOf<Prefix extends string> = Extract<CommandName, `${Prefix}.${string}`>;

/**
 * A domain's handler map: exactly one handler for each of its contracts. A missing command fails
 * typecheck in the domain's own file; a misspelt extra key fails as an excess property.
 */
export type DomainHandlers<Prefix extends string> = { [N in CommandsOf<Prefix>]: Handler<N> };

/** Every command's handler; `commands.ts` builds it by merging the domains' maps. */
export type Handlers = { [N in CommandName]: Handler<N> };
