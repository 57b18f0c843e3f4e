import type { CommandErrorBody } from '../../shared/contracts/envelope';
import type { CommandInput, CommandName, CommandOutput } from '../../shared/contracts';
import type { startTestCore } from './core';

export type TestCore = Awaited<ReturnType<typeof startTestCore>>;

/** Typed calls through the real dispatcher (input validation, output validation, envelope). */
export function caller(core: TestCore) {
  return {
    async ok<N extends CommandName>(name: N, input: CommandInput<N>): Promise<CommandOutput<N>> {
      const result = await core.dispatcher.dispatch(name, input);
      if (!result.ok)
        throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
      return result.value as CommandOutput<N>;
    },
    async fail(name: CommandName, input: unknown): Promise<CommandErrorBody> {
      const result = await core.dispatcher.dispatch(name, input);
      if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
      return result.error;
    },
  };
}

export async function newEngagement(core: TestCore): Promise<string> {
  const e = await caller(core).ok('engagements.create', {
    clientName: 'Northwind Lending',
    aimsScope: 'Credit scoring, support chatbot and CV screening',
    leadAssessor: 'Dana Okafor',
  });
  return e.id;
}

export const control = (ref: string) => `iso-iec-42001-2023:${ref}`;

/** A seeded generator (mulberry32) so demo data is the same on every run. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const count = (core: TestCore, table: string) =>
  (core.store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
