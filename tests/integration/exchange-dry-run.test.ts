import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { exportExchange } from '../../electron/core/exchange';
import type { ExchangeImportSummary } from '../../shared/contracts/exchange';
import { commandsOf, startTestCore, tempDir } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { sendBytes } from '../helpers/incoming';

type Core = Awaited<ReturnType<typeof startTestCore>>;

const PASS = 'correct horse battery';
let source: Core;
let engagementId: string;
let file: string;

beforeAll(async () => {
  source = await startTestCore();
  engagementId = (await seedDemo(source.ctx, { size: 'small', seed: 3 })).engagementIds[0]!;
  file = path.join(tempDir('assay-exchange-dry-'), 'a.assayx');
  await exportExchange(source.ctx, {
    engagementId,
    out: file,
    passphrase: PASS,
    includeEvidence: false,
  });
}, 120_000);

afterAll(() => source.close());

describe('checking an exchange file in the app before importing it', () => {
  test('a dry run keeps the received file and its token, so the import can follow without sending it again', async () => {
    const target = await startTestCore();
    try {
      const commands = commandsOf(target);
      const token = await sendBytes(target, fs.readFileSync(file), 'a.assayx');
      const counts = tableCounts(target.store.sqlite);
      const checked = await commands.ok<ExchangeImportSummary>('exchange.import', {
        token,
        passphrase: PASS,
        dryRun: true,
      });
      expect(checked.dryRun).toBe(true);
      expect(checked.engagementIsNew).toBe(true);
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      // A second check is as good as the first.
      await commands.ok('exchange.import', { token, passphrase: PASS, dryRun: true });
      const imported = await commands.ok<ExchangeImportSummary>('exchange.import', {
        token,
        passphrase: PASS,
      });
      expect(imported.dryRun).toBe(false);
      expect(imported.changes.applied).toBe(checked.changes.applied);
      expect(
        target.store.sqlite
          .prepare('SELECT count(*) FROM engagements WHERE id = ?')
          .pluck()
          .get(engagementId),
      ).toBe(1);
      // The real import takes the file: the token is spent and the file gone.
      const again = await commands.failure('exchange.import', { token, passphrase: PASS });
      expect(again.code).toBe('NOT_FOUND');
      expect(fs.readdirSync(path.join(target.dataDir, 'incoming'))).toEqual([]);
    } finally {
      target.close();
    }
  }, 120_000);

  test('a refused dry run (wrong passphrase) also leaves the file for a second try', async () => {
    const target = await startTestCore();
    try {
      const commands = commandsOf(target);
      const token = await sendBytes(target, fs.readFileSync(file), 'a.assayx');
      const wrong = await commands.failure('exchange.import', {
        token,
        passphrase: 'not the passphrase',
        dryRun: true,
      });
      expect(wrong.message).toMatch(/passphrase/);
      const imported = await commands.ok<ExchangeImportSummary>('exchange.import', {
        token,
        passphrase: PASS,
      });
      expect(imported.engagementIsNew).toBe(true);
    } finally {
      target.close();
    }
  }, 120_000);
});
