import type { CommandInput, CommandName, CommandOutput } from '../../shared/contracts';
import type { ServedApp } from './harness';

/** Calls a command on a running `assay serve` the way the renderer does, to set up a scene fast. */
export async function call<N extends CommandName>(
  app: ServedApp,
  name: N,
  input: CommandInput<N>,
): Promise<CommandOutput<N>> {
  const response = await fetch(`${app.url}api/${name}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
    body: JSON.stringify(input),
  });
  const body = (await response.json()) as {
    ok: boolean;
    value?: unknown;
    error?: { message: string };
  };
  if (!body.ok) throw new Error(`${name}: ${body.error?.message ?? 'failed'}`);
  return body.value as CommandOutput<N>;
}
