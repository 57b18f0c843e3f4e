import type { z } from 'zod';
import { appContracts } from './app';
import { catalogContracts } from './catalog';
import { engagementContracts } from './engagements';

/** Every command of Assay, by name. The preload allow-list and both transports derive from this. */
export const contracts = {
  ...appContracts,
  ...catalogContracts,
  ...engagementContracts,
};

export type Contracts = typeof contracts;
export type CommandName = keyof Contracts;
export type CommandInput<N extends CommandName> = z.input<Contracts[N]['input']>;
export type ParsedInput<N extends CommandName> = z.output<Contracts[N]['input']>;
export type CommandOutput<N extends CommandName> = z.output<Contracts[N]['output']>;

export const commandNames = Object.keys(contracts) as CommandName[];

export function isCommandName(name: string): name is CommandName {
  return Object.prototype.hasOwnProperty.call(contracts, name);
}
