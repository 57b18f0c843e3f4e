import type { z } from 'zod';

export interface CommandContract<
  Name extends string = string,
  Input extends z.ZodType = z.ZodType,
  Output extends z.ZodType = z.ZodType,
> {
  name: Name;
  summary: string;
  input: Input;
  output: Output;
  /** Commands that change data; the registry refuses them when the store is read-only. */
  mutates: boolean;
}

export function defineCommand<
  Name extends string,
  Input extends z.ZodType,
  Output extends z.ZodType,
>(contract: CommandContract<Name, Input, Output>): CommandContract<Name, Input, Output> {
  return contract;
}
