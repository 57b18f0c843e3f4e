import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { seedDemo } from '../../electron/core/demo';
import { ExchangeRefused, exportExchange, importExchange } from '../../electron/core/exchange';
import { MAGIC } from '../../electron/core/exchange/format';
import { commandsOf, startTestCore, tempDir } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { damagedStore, dbFile } from '../helpers/damaged-store';
import { refused, variantOf } from '../helpers/exchange';

type Core = Awaited<ReturnType<typeof startTestCore>>;

const PASS = 'correct horse battery';
const ENGAGEMENT_TABLES = [
  'engagements',
  'assessments',
  'responses',
  'findings',
  'risks',
  'evidence_items',
  'evidence_links',
  'soa_entries',
];

let source: Core;
let engagementId: string;
let file: string;
let signed: string;
const work = tempDir('assay-exchange-');

/** The engagement's rows as stored, table by table (ids, values and stamps). */
function rows(core: Core): Record<string, unknown[]> {
  const db = core.store.sqlite;
  const out: Record<string, unknown[]> = {};
  for (const t of ENGAGEMENT_TABLES) out[t] = db.prepare(`SELECT * FROM ${t} ORDER BY id`).all();
  return out;
}

beforeAll(async () => {
  source = await startTestCore();
  const demo = await seedDemo(source.ctx, { size: 'small', seed: 7 });
  engagementId = demo.engagementIds[0]!;
  file = path.join(work, 'a.assayx');
  await exportExchange(source.ctx, {
    engagementId,
    out: file,
    passphrase: PASS,
    includeEvidence: true,
  });
  const identity = await commandsOf(source).ok<{ id: string }>('identities.create', {
    name: 'Dana Assessor',
    organisation: 'Northwind Audit',
    email: 'dana@example.test',
    role: 'Lead assessor',
    passphrase: 'identity-pass-1',
  });
  signed = path.join(work, 'signed.assayx');
  await exportExchange(source.ctx, {
    engagementId,
    out: signed,
    passphrase: PASS,
    includeEvidence: false,
    identity: { id: identity.id, passphrase: 'identity-pass-1' },
  });
}, 120_000);

afterAll(() => source.close());

describe('the .assayx exchange file', () => {
  test('is encrypted: no record text and no evidence byte appears in the file', () => {
    const bytes = fs.readFileSync(file);
    expect(bytes.subarray(0, MAGIC.length).equals(MAGIC)).toBe(true);
    const client = source.store.sqlite
      .prepare('SELECT client_name FROM engagements WHERE id = ?')
      .pluck()
      .get(engagementId) as string;
    expect(bytes.includes(Buffer.from(client))).toBe(false);
    expect(bytes.includes(Buffer.from('"op":"create"'))).toBe(false);
  });

  test('imported into an empty data directory it recreates the engagement exactly, audit trail verifying', async () => {
    const target = await startTestCore();
    try {
      const result = await importExchange(target.ctx, file, { passphrase: PASS });
      expect(result.engagementIsNew).toBe(true);
      expect(result.conflicts).toEqual([]);
      expect(rows(target)).toEqual(rows(source));
      expect(verifyAuditChain(target.store.sqlite).ok).toBe(true);
      const actions = (c: Core) =>
        c.store.sqlite
          .prepare(
            'SELECT at, actor, action, entity_id FROM audit_log WHERE scope_id = ? ORDER BY seq',
          )
          .all(engagementId);
      expect(actions(target).length).toBeGreaterThan(0);
      // A requirement's history shows the changes made on the other side, naming where from.
      const answered = source.store.sqlite
        .prepare(
          `SELECT r.assessment_id AS assessmentId, r.requirement_id AS requirementId FROM responses r
             JOIN assessments a ON a.id = r.assessment_id WHERE a.engagement_id = ? LIMIT 1`,
        )
        .get(engagementId) as { assessmentId: string; requirementId: string };
      const history = await commandsOf(target).ok<{ origin?: string }[]>(
        'responses.history',
        answered,
      );
      const mine = await commandsOf(source).ok<{ origin?: string }[]>(
        'responses.history',
        answered,
      );
      expect(history.length).toBe(mine.length);
      expect(history.length).toBeGreaterThan(0);
      expect(new Set(history.map((h) => h.origin))).toEqual(new Set([result.sender]));
      expect(mine.every((h) => h.origin === undefined)).toBe(true);
      // Every evidence file arrived once, under its hash.
      const blobs = source.store.sqlite
        .prepare('SELECT count(DISTINCT sha256) FROM evidence_items WHERE engagement_id = ?')
        .pluck()
        .get(engagementId);
      expect(result.evidence.newFiles).toBe(blobs);
      // The same file again: nothing changes, no file is copied twice.
      const counts = tableCounts(target.store.sqlite);
      const again = await importExchange(target.ctx, file, { passphrase: PASS });
      expect(again.changes.applied).toBe(0);
      expect(again.evidence).toMatchObject({ newFiles: 0, alreadyHere: result.evidence.inFile });
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
    } finally {
      target.close();
    }
  }, 120_000);

  test('a dry run reads and checks everything and keeps nothing, vault included', async () => {
    const target = await startTestCore();
    try {
      const counts = tableCounts(target.store.sqlite);
      const result = await importExchange(target.ctx, file, { passphrase: PASS, dryRun: true });
      expect(result.dryRun).toBe(true);
      expect(result.changes.applied).toBeGreaterThan(0);
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      expect(
        fs.existsSync(path.join(target.dataDir, 'vault', 'objects'))
          ? fs.readdirSync(path.join(target.dataDir, 'vault', 'objects'))
          : [],
      ).toEqual([]);
    } finally {
      target.close();
    }
  }, 120_000);

  test('refuses, with nothing changed: wrong passphrase, a flipped byte anywhere, a cut file, a newer format', async () => {
    const target = await startTestCore();
    try {
      const counts = tableCounts(target.store.sqlite);
      await refused(
        importExchange(target.ctx, file, { passphrase: 'wrong passphrase' }),
        'WRONG_PASSPHRASE',
      );
      const bytes = fs.readFileSync(file);
      const variant = (name: string, change: (b: Buffer) => Buffer) =>
        variantOf(work, bytes, name, change);
      const headerEnd = MAGIC.length + 4 + bytes.readUInt32BE(MAGIC.length);
      for (const at of [headerEnd + 20, Math.floor(bytes.length / 2), bytes.length - 3]) {
        const flipped = variant(`flip-${at}.assayx`, (b) => {
          b[at] = b[at]! ^ 0x01;
          return b;
        });
        await refused(importExchange(target.ctx, flipped, { passphrase: PASS }), 'TAMPERED');
      }
      // A changed header (here: the engagement it names) no longer authenticates any chunk.
      const header = JSON.parse(bytes.subarray(MAGIC.length + 4, headerEnd).toString('utf8')) as {
        createdAt: string;
      };
      const retold = variant('header.assayx', (b) => {
        const text = b
          .subarray(MAGIC.length + 4, headerEnd)
          .toString('utf8')
          .replace(header.createdAt, header.createdAt.replace(/.$/, 'X'));
        b.write(text, MAGIC.length + 4, 'utf8');
        return b;
      });
      await expect(importExchange(target.ctx, retold, { passphrase: PASS })).rejects.toBeInstanceOf(
        ExchangeRefused,
      );
      for (const cut of [bytes.length - 1, Math.floor(bytes.length * 0.7), headerEnd + 3]) {
        const truncated = variant(`cut-${cut}.assayx`, (b) => b.subarray(0, cut));
        await expect(
          importExchange(target.ctx, truncated, { passphrase: PASS }),
        ).rejects.toBeInstanceOf(ExchangeRefused);
      }
      const newer = variant('newer.assayx', (b) => {
        const text = b
          .subarray(MAGIC.length + 4, headerEnd)
          .toString('utf8')
          .replace('"version":1', '"version":9');
        b.write(text, MAGIC.length + 4, 'utf8');
        return b;
      });
      await refused(importExchange(target.ctx, newer, { passphrase: PASS }), 'NEWER');
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      expect(fs.readdirSync(path.join(target.dataDir, 'vault', 'tmp'))).toEqual([]);
    } finally {
      target.close();
    }
  }, 180_000);

  test('a signed file: refused where the signer is not trusted unless accepted; trusted by the directory that signed it', async () => {
    const target = await startTestCore();
    try {
      const counts = tableCounts(target.store.sqlite);
      await refused(importExchange(target.ctx, signed, { passphrase: PASS }), 'UNTRUSTED');
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      const accepted = await importExchange(target.ctx, signed, {
        passphrase: PASS,
        acceptSigner: true,
      });
      expect(accepted.signer?.name).toBe('Dana Assessor');
      expect(accepted.signer?.trust.verdict).toBe('untrusted');
      expect(accepted.evidence.notIncluded).toBeGreaterThan(0);
    } finally {
      target.close();
    }
    const back = await importExchange(source.ctx, signed, { passphrase: PASS });
    expect(back.signer?.trust.verdict).toBe('trusted');
    expect(back.changes.applied).toBe(0);
  }, 120_000);

  test('a damaged store (opened read-only) refuses an import before anything reaches its vault', async () => {
    const { dataDir, before } = await damagedStore();
    const target = await startTestCore(dataDir);
    try {
      expect(target.store.health.readOnly).toBe(true);
      await expect(importExchange(target.ctx, file, { passphrase: PASS })).rejects.toThrow(
        /read-only|damaged/i,
      );
      expect(
        fs.existsSync(path.join(dataDir, 'vault', 'tmp'))
          ? fs.readdirSync(path.join(dataDir, 'vault', 'tmp'))
          : [],
      ).toEqual([]);
    } finally {
      target.close();
    }
    expect(fs.readFileSync(dbFile(dataDir)).equals(before)).toBe(true);
  }, 60_000);

  test('an export or an import cancelled through its task stops and keeps nothing', async () => {
    const exports = path.join(source.dataDir, 'exports');
    const before = fs.existsSync(exports) ? fs.readdirSync(exports) : [];
    const running = source.dispatcher.dispatch('exchange.export', {
      engagementId,
      passphrase: PASS,
      taskId: 'cancel-export',
    });
    await expect
      .poll(() =>
        commandsOf(source)
          .ok<{ cancelled: boolean }>('exchange.cancel', { taskId: 'cancel-export' })
          .then((r) => r.cancelled),
      )
      .toBe(true);
    const result = await running;
    expect(result.ok).toBe(false);
    expect(fs.existsSync(exports) ? fs.readdirSync(exports) : []).toEqual(before);
    const target = await startTestCore();
    try {
      const counts = tableCounts(target.store.sqlite);
      const controller = new AbortController();
      const importing = importExchange(target.ctx, file, {
        passphrase: PASS,
        signal: controller.signal,
        onProgress: (p) => p.phase === 'reading' && controller.abort(),
      });
      await refused(importing, 'CANCELLED');
      expect(tableCounts(target.store.sqlite)).toEqual(counts);
      expect(fs.readdirSync(path.join(target.dataDir, 'vault', 'tmp'))).toEqual([]);
    } finally {
      target.close();
    }
  }, 60_000);

  test('refused when the file needs a catalog revision this directory does not have', async () => {
    const target = await startTestCore();
    try {
      target.store.sqlite
        .prepare('UPDATE frameworks SET catalog_revision = catalog_revision - 1')
        .run();
      await refused(importExchange(target.ctx, file, { passphrase: PASS }), 'CATALOG');
      expect(target.store.sqlite.prepare('SELECT count(*) FROM engagements').pluck().get()).toBe(0);
    } finally {
      target.close();
    }
  }, 60_000);
});
