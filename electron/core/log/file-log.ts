import fs from 'node:fs';
import path from 'node:path';
import type { Logger, LoggerOptions } from 'pino';
import type { RollingFile } from 'pino-roll';

/** The folder under the data directory that holds the log files. */
export const LOG_DIR = 'logs';
/** A file rolls over at this size; the four before it are kept, older ones removed. */
const ROLL_AT = '5m';
const KEEP = 4;

/**
 * Where the core records what nobody expected: errors with their stacks, for a bug report. Never
 * command input, so a passphrase cannot reach a file. Nothing is created until there is something
 * to record: a data directory that never met an unexpected error has no logs/ folder.
 */
export interface AppLog {
  /** Records an error nobody expected, with its stack; answers the file it went into, if any. */
  unexpected(where: string, error: unknown): Promise<string | null>;
  close(): void;
}

/**
 * pino and pino-roll (which brings date-fns) take a noticeable part of a second to load: they are
 * loaded only once there is something to record, not at every start of the app or the CLI.
 */
const loadPino = async () => (await import('pino')).default;
const loadRoll = async () => (await import('pino-roll')).default;

type Pino = Awaited<ReturnType<typeof loadPino>>;

function loggerOptions(pino: Pino, version: string): LoggerOptions {
  return {
    base: { pid: process.pid, version },
    timestamp: pino.stdTimeFunctions.isoTime,
    // Nothing logs command input; should anyone start to, a passphrase still never reaches a file.
    redact: { paths: ['passphrase', '*.passphrase', '*.*.passphrase'], remove: true },
  };
}

const record = (logger: Logger, where: string, error: unknown) =>
  logger.error({ where, err: error }, `Unexpected error in ${where}`);

/** Lines to stderr only: the fallback when the data directory cannot hold a log. */
function toStderr(pino: Pino, version: string): Logger {
  return pino(loggerOptions(pino, version), pino.destination({ dest: 2, sync: true }));
}

/**
 * The log of one data directory: <dataDir>/logs/assay.<n>.log, private to the user, rolling over
 * by size. Lines are written synchronously, so an error is on disk before the CLI exits or the
 * envelope names its file. A log that cannot be opened, or fails later (disk full), falls back to
 * stderr: it never stops Assay from starting or answering.
 */
export function openLog(dataDir: string, version: string): AppLog {
  const dir = path.join(dataDir, LOG_DIR);
  let opening: Promise<RollingFile | null> | null = null;
  let broken = false;
  let fallback: Logger | null = null;
  let toFile: Logger | null = null;

  const open = async (pino: Pino): Promise<RollingFile | null> => {
    try {
      await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
      const roll = await loadRoll();
      const stream = await roll({
        file: path.join(dir, 'assay'),
        extension: '.log',
        size: ROLL_AT,
        limit: { count: KEEP, removeOtherLogFiles: true },
        sync: true,
        mode: 0o600,
      });
      // A write that failed must not crash the process with an unhandled 'error' event.
      stream.on('error', () => {
        broken = true;
      });
      toFile = pino(loggerOptions(pino, version), stream);
      return stream;
    } catch {
      return null;
    }
  };

  return {
    async unexpected(where, error) {
      const pino = await loadPino();
      const stream = await (opening ??= open(pino));
      if (stream && toFile && !broken) {
        record(toFile, where, error);
        if (!broken) return stream.file;
      }
      record((fallback ??= toStderr(pino, version)), where, error);
      return null;
    },
    close() {
      void opening?.then((stream) => stream?.end());
    },
  };
}
