import fs from 'node:fs';
import type { Command } from 'commander';
import { damagedReadMessage } from '../core/db';
import { logUnexpected, openLog } from '../core/log';
import { printable, resolveDataDir, version } from './common';

/** What main() needs to know about the command that failed. */
export interface FailedRun {
  /** `identity create`, `report` … */
  command: string;
  /** The data directory the command worked on, or null for one that takes none (verify). */
  dataDir: string | null;
}

/** Learns, before each action runs, which command it is and which data directory it uses. */
export function trackRuns(program: Command, run: FailedRun): void {
  program.hook('preAction', (_program, action) => {
    const names: string[] = [];
    for (let c: Command | null = action; c?.parent; c = c.parent) names.unshift(c.name());
    run.command = names.join(' ');
    const takesDataDir = action.options.some((o) => o.attributeName() === 'dataDir');
    run.dataDir = takesDataDir ? resolveDataDir(action.opts<{ dataDir?: string }>().dataDir) : null;
  });
}

const summaryOf = (error: unknown) => {
  const text = error instanceof Error ? error.message : String(error);
  const line = text.split('\n', 1)[0]?.trim() || (error instanceof Error ? error.name : 'unknown');
  return printable(line.length > 300 ? `${line.slice(0, 300)}…` : line);
};

/**
 * An error nobody expected: one line for the person, the stack in the data directory's log (a
 * data directory is never created just for that), and the stack on stderr too with --verbose.
 */
export async function reportUnexpected(
  error: unknown,
  run: FailedRun & { verbose: boolean },
): Promise<void> {
  let where = run.verbose ? 'details below' : 'run again with --verbose to see the details';
  if (run.dataDir && fs.existsSync(run.dataDir)) {
    const log = openLog(run.dataDir, version);
    try {
      const logged = await logUnexpected(log, `assay ${run.command}`.trim(), error);
      where = run.verbose ? `${logged}; details below` : `${logged}; --verbose prints them here`;
    } finally {
      log.close();
    }
  }
  // A read that hit the damaged part of the store is no bug: say what to do instead.
  const damage = damagedReadMessage(error);
  process.stderr.write(
    damage ? `assay: ${damage}\n` : `assay: unexpected error: ${summaryOf(error)} (${where})\n`,
  );
  if (run.verbose)
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
}
