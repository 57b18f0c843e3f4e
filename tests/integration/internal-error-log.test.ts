import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CommandErrorBody } from '../../shared/contracts/envelope';
import { startTestCore, tempDir } from '../helpers/core';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
const cores: TestCore[] = [];
afterEach(() => {
  for (const core of cores.splice(0)) core.close();
});

async function start(dataDir = tempDir()): Promise<TestCore> {
  const core = await startTestCore(dataDir);
  cores.push(core);
  return core;
}

async function failure(core: TestCore, name: string, input: unknown): Promise<CommandErrorBody> {
  const result = await core.dispatcher.dispatch(name, input);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

/** Someone (a tool, a sync client, a bad restore) changed the database behind Assay's back. */
const moveTable = (core: TestCore, table: string) =>
  core.store.sqlite.exec(`ALTER TABLE ${table} RENAME TO ${table}_moved`);

const LOG_FILE = /the details are in the log file (\S+\.log)\.$/;

interface LogLine {
  level: number;
  where?: string;
  err?: { type: string; message: string; stack: string };
}
const linesOf = (file: string): LogLine[] =>
  fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as LogLine);

describe('unexpected errors', () => {
  it('are logged with their stack in <dataDir>/logs, and the envelope names that file', async () => {
    const core = await start();
    moveTable(core, 'assessments');
    const error = await failure(core, 'assessments.list', {});
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toMatch(/^Assay could not complete "assessments.list"\. Nothing was/);
    const file = LOG_FILE.exec(error.message)?.[1] ?? '';
    expect(path.dirname(file)).toBe(path.join(core.dataDir, 'logs'));
    expect(fs.existsSync(file)).toBe(true);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const logged = linesOf(file).filter((l) => l.where === 'assessments.list');
    expect(logged).toHaveLength(1);
    expect(logged[0]?.level).toBe(50);
    expect(logged[0]?.err?.type).toBe('SqliteError');
    expect(logged[0]?.err?.message).toBe('no such table: assessments');
    expect(logged[0]?.err?.stack).toMatch(/^SqliteError: no such table: assessments\n\s+at /);
  });

  it('create no log folder in a data directory that never met one', async () => {
    const core = await start();
    expect((await core.dispatcher.dispatch('engagements.list', {})).ok).toBe(true);
    expect(fs.existsSync(path.join(core.dataDir, 'logs'))).toBe(false);
  });

  it('keep the stack and the SQL text out of the envelope', async () => {
    const core = await start();
    moveTable(core, 'engagements');
    const error = await failure(core, 'engagements.list', {});
    expect(error.code).toBe('INTERNAL');
    expect(error.message).not.toMatch(/no such table|SqliteError|\n\s+at /);
    expect(error.details).toBeUndefined();
  });

  it('never write command input to the log, so a passphrase stays out of it', async () => {
    const core = await start();
    const passphrase = 'correct horse battery staple';
    moveTable(core, 'signing_identities');
    const error = await failure(core, 'identities.create', {
      name: 'Dana Okafor',
      email: 'dana@example.org',
      passphrase,
    });
    expect(error.code).toBe('INTERNAL');
    const text = fs.readFileSync(LOG_FILE.exec(error.message)?.[1] ?? '', 'utf8');
    expect(text).toContain('no such table: signing_identities');
    expect(text).not.toContain(passphrase);
    expect(text).not.toContain('dana@example.org');
  });

  it('still get a clear answer when the log cannot be written, and the app still starts', async () => {
    const dataDir = tempDir();
    // A file where the log folder should be: nothing can be created under it.
    fs.writeFileSync(path.join(dataDir, 'logs'), 'not a folder');
    const core = await start(dataDir);
    moveTable(core, 'assessments');
    const error = await failure(core, 'assessments.list', {});
    expect(error.code).toBe('INTERNAL');
    expect(error.message).toBe(
      'Assay could not complete "assessments.list". Nothing was changed; the details could not be written to a log file.',
    );
    expect(fs.readFileSync(path.join(dataDir, 'logs'), 'utf8')).toBe('not a folder');
  });

  it('roll over to a new file once the log is 5 MB, and the envelope names the file with the stack', async () => {
    const dataDir = tempDir();
    const logs = path.join(dataDir, 'logs');
    fs.mkdirSync(logs);
    const old = `${'{"level":30,"msg":"an old line"}\n'.repeat(170_000)}`;
    fs.writeFileSync(path.join(logs, 'assay.1.log'), old);
    expect(old.length).toBeGreaterThan(5 * 1024 * 1024);
    const core = await start(dataDir);
    moveTable(core, 'assessments');
    const named: string[] = [];
    const fail = async () => {
      const error = await failure(core, 'assessments.list', {});
      const file = LOG_FILE.exec(error.message)?.[1] ?? '';
      expect(linesOf(file).filter((l) => l.where === 'assessments.list')).toHaveLength(1);
      named.push(file);
    };
    await fail();
    // That line took the file past 5 MB: the rolling library moves on to the next file by itself.
    await vi.waitFor(() => expect(fs.existsSync(path.join(logs, 'assay.2.log'))).toBe(true));
    await fail();
    expect(named).toEqual([path.join(logs, 'assay.1.log'), path.join(logs, 'assay.2.log')]);
    expect(fs.readFileSync(path.join(logs, 'assay.1.log'), 'utf8').startsWith(old)).toBe(true);
  });
});
