/**
 * Hostile readiness packs: each one is refused with a message naming what is wrong, and NOTHING
 * is written in the reviewer's data directory. Needs `npx electron-vite build` (report worker, CLI).
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPack } from '../../electron/core/packs/build';
import { importPack, PackRefused } from '../../electron/core/packs/import';
import { openSafeZip } from '../../electron/core/packs/archive-safety';
import { signDetached } from '../../electron/core/signing/cms';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import {
  makeZip,
  patchDeclaredSize,
  patchName,
  readZip,
  type ZipItem,
} from '../helpers/hostile-zip';
import { listing, packFixture, PASSPHRASE, trustSigner, type TestCore } from '../helpers/packs';
import { memoryIdentity } from '../helpers/signing';

let fx: Awaited<ReturnType<typeof packFixture>>;
let reviewer: TestCore;
let validZip = '';
let valid: ZipItem[] = [];
const work = tempDir('assay-hostile-');
let n = 0;

function save(bytes: Buffer): string {
  const file = path.join(work, `pack-${(n += 1)}.zip`);
  fs.writeFileSync(file, bytes);
  return file;
}

const auditRows = () =>
  (reviewer.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

/** Imports and expects a refusal matching `why`, with the target data directory unchanged. */
async function expectRefused(bytes: Buffer, why: RegExp): Promise<void> {
  const before = listing(reviewer.dataDir);
  const rows = auditRows();
  const error = await importPack(reviewer.ctx, save(bytes)).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(PackRefused);
  expect((error as PackRefused).problems.join('\n')).toMatch(why);
  expect(listing(reviewer.dataDir)).toEqual(before);
  expect(auditRows()).toBe(rows);
}

const evidenceName = () => valid.find((i) => i.name.includes('ai-policy.md'))?.name ?? '';
const repack = (change: (items: ZipItem[]) => ZipItem[]) =>
  makeZip(change(valid.map((i) => ({ ...i }))));

beforeAll(async () => {
  fx = await packFixture();
  const built = await buildPack(fx.core.ctx, {
    assessmentId: fx.assessmentId,
    identityId: fx.identity.id,
    passphrase: PASSPHRASE,
    omitConfidential: false,
    out: path.join(work, 'valid.zip'),
  });
  validZip = built.path;
  valid = await readZip(fs.readFileSync(validZip));
  reviewer = await startTestCore();
  trustSigner(reviewer, fx.identity);
}, 120_000);

afterAll(() => {
  reviewer.close();
  fx.core.close();
});

const text = (s: string) => Buffer.from(s);

describe('hostile packs are refused and nothing is written', () => {
  it('the untouched pack imports (control)', async () => {
    const other = await startTestCore();
    trustSigner(other, fx.identity);
    try {
      expect((await importPack(other.ctx, validZip)).valid).toBe(true);
    } finally {
      other.close();
    }
  });

  it('an entry escaping with ../', async () => {
    const zip = await makeZip([{ name: 'xx/evil.txt', data: text('x') }]);
    await expectRefused(
      patchName(zip, 'xx/evil.txt', '../evil.txt'),
      /"\.\.\/evil\.txt".*climbs out/,
    );
  });

  it('an absolute path', async () => {
    const zip = await makeZip([{ name: 'xtmp/evil.txt', data: text('x') }]);
    await expectRefused(
      patchName(zip, 'xtmp/evil.txt', '/tmp/evil.txt'),
      /"\/tmp\/evil\.txt".*absolute/,
    );
  });

  it('a backslash path and a drive letter', async () => {
    const zip = await makeZip([{ name: 'aa/evil.txt', data: text('x') }]);
    await expectRefused(patchName(zip, 'aa/evil.txt', 'aa\\evil.txt'), /backslash/);
    const drive = await makeZip([{ name: 'Cx/evil.txt', data: text('x') }]);
    await expectRefused(
      patchName(drive, 'Cx/evil.txt', 'C:/evil.txt'),
      /C:\/evil\.txt.*(absolute|drive)/,
    );
  });

  it('a symlink entry', async () => {
    const zip = await repack((items) => [
      ...items,
      { name: 'evidence/link', data: text('/etc/passwd'), mode: 0o120777 },
    ]);
    await expectRefused(zip, /"evidence\/link" is a symbolic link/);
  });

  it('duplicate names: exact, case-folded, NFC against NFD', async () => {
    await expectRefused(
      await repack((items) => [
        ...items,
        { name: 'documented-information-index.csv', data: text('x') },
      ]),
      /appears twice/,
    );
    await expectRefused(
      await repack((items) => [
        ...items,
        { name: 'Documented-Information-Index.CSV', data: text('x') },
      ]),
      /differ only in case/,
    );
    await expectRefused(
      await makeZip([
        { name: 'evidence/caf\u00e9.txt', data: text('a') },
        { name: 'evidence/cafe\u0301.txt', data: text('b') },
      ]),
      /differ only in case or Unicode normalisation/,
    );
  });

  it('a file that is also a folder', async () => {
    await expectRefused(
      await makeZip([
        { name: 'evidence', data: text('a') },
        { name: 'evidence/x.txt', data: text('b') },
      ]),
      /"evidence" is a file and also the folder/,
    );
  });

  it('too many entries', async () => {
    // Stored, not deflated: 20,001 deflate streams cost yazl about 25 s on a busy 2-core machine.
    const many = Array.from({ length: 20_001 }, (_, i) => ({
      name: `e/${i}`,
      data: Buffer.alloc(0),
      compress: false,
    }));
    await expectRefused(await makeZip(many), /20001 entries; the limit is 20000/);
  });

  it('a zip bomb (compression ratio)', async () => {
    await expectRefused(
      await makeZip([{ name: 'bomb.bin', data: Buffer.alloc(50 * 1024 * 1024) }]),
      /"bomb\.bin" expands \d+:1.*zip bomb/,
    );
  });

  it('a declared size that lies', async () => {
    const name = evidenceName();
    const entry = valid.find((i) => i.name === name);
    const lying = patchDeclaredSize(
      fs.readFileSync(validZip),
      name,
      (entry?.data.length ?? 10) - 5,
    );
    await expectRefused(lying, new RegExp(name.replace(/[.]/g, '\\.')));
    // And the reader itself stops at the lie, whatever the manifest says.
    const zip = await openSafeZip(lying);
    const safe = zip.byName.get(name);
    if (!safe) throw new Error('missing entry');
    const read = async () => {
      for await (const _ of (await zip.openStream(safe)) as AsyncIterable<Buffer>) void _;
    };
    await expect(read()).rejects.toThrow(/more bytes than its declared|too many bytes/);
    zip.close();
  });

  it('an encrypted entry', async () => {
    const zip = Buffer.from(await makeZip([{ name: 'secret.txt', data: text('x') }]));
    const cd = zip.readUInt32LE(zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06])) + 16);
    zip.writeUInt16LE(zip.readUInt16LE(cd + 8) | 1, cd + 8);
    await expectRefused(zip, /secret\.txt.*encrypted|encrypted/);
  });

  it('a manifest over 1 MB', async () => {
    // Incompressible, so the size limit (not the zip-bomb ratio) is what refuses it.
    const big = `{"pad":"${randomBytes(800 * 1024).toString('base64')}"}`;
    await expectRefused(
      await repack((items) =>
        items.map((i) =>
          i.name === 'manifest.json' ? { ...i, data: text(big), compress: false } : i,
        ),
      ),
      /manifest\.json is \d+ bytes; the limit is 1048576/,
    );
  });

  it('a manifest hash mismatch (one evidence byte changed)', async () => {
    const name = evidenceName();
    const zip = await repack((items) =>
      items.map((i) => {
        if (i.name !== name) return i;
        const data = Buffer.from(i.data);
        data[0] = (data[0] ?? 0) ^ 1;
        return { ...i, data };
      }),
    );
    await expectRefused(zip, /ai-policy\.md has been altered/);
  });

  it('a manifest signed by another identity, and a flipped manifest byte', async () => {
    const manifest = valid.find((i) => i.name === 'manifest.json')?.data ?? Buffer.alloc(0);
    const other = await signDetached(manifest, await memoryIdentity('Mallory'));
    await expectRefused(
      await repack((items) =>
        items.map((i) => (i.name === 'manifest.json.p7s' ? { ...i, data: other } : i)),
      ),
      /different signer/,
    );
    const flipped = Buffer.from(
      manifest.toString().replace('"assayVersion": "', '"assayVersion": "9'),
    );
    await expectRefused(
      await repack((items) =>
        items.map((i) => (i.name === 'manifest.json' ? { ...i, data: flipped } : i)),
      ),
      /Manifest signature/,
    );
  });

  it('an unsigned manifest', async () => {
    await expectRefused(
      await repack((items) => items.filter((i) => i.name !== 'manifest.json.p7s')),
      /not signed/,
    );
  });

  it('an extra file the manifest does not list', async () => {
    await expectRefused(
      await repack((items) => [...items, { name: 'evidence/extra.txt', data: text('surprise') }]),
      /"evidence\/extra\.txt" is in the pack but not in the manifest/,
    );
  });

  it('something that is not a zip at all', async () => {
    await expectRefused(text('PK\u0003\u0004 not really a zip'), /not a readable zip/);
  });
});

describe('command line exit codes', () => {
  const cli = (args: string[], env: Record<string, string> = {}) => {
    const r = spawnSync(process.execPath, [path.join(projectRoot, 'bin', 'assay.cjs'), ...args], {
      encoding: 'utf8',
      timeout: 120_000,
      env: { ...process.env, ...env },
    });
    return { code: r.status, out: `${r.stdout}${r.stderr}` };
  };

  it('pack, verify and import-pack', async () => {
    fx.core.close(); // the CLI takes the data directory's lock
    const out = path.join(work, 'cli.zip');
    const packed = cli(
      [
        'pack',
        '--data-dir',
        fx.core.dataDir,
        '--assessment',
        fx.assessmentId,
        '--out',
        out,
        '--identity',
        'Pack Signer',
      ],
      { ASSAY_PASSPHRASE: PASSPHRASE },
    );
    expect(packed.out).toContain('Signed readiness pack');
    expect(packed.code).toBe(0);
    const wrong = cli(
      [
        'pack',
        '--data-dir',
        fx.core.dataDir,
        '--assessment',
        fx.assessmentId,
        '--out',
        path.join(work, 'no.zip'),
      ],
      { ASSAY_PASSPHRASE: 'not the passphrase' },
    );
    expect(wrong.code).toBe(1);
    expect(fs.existsSync(path.join(work, 'no.zip'))).toBe(false);

    // Intact, but nothing says who may sign: 3; with the signer's fingerprint expected: 0.
    expect(cli(['verify', out]).code).toBe(3);
    expect(cli(['verify', out, '--expect-fingerprint', fx.identity.fingerprint]).code).toBe(0);
    const tampered = await makeZip(
      (await readZip(fs.readFileSync(out))).filter((i) => i.name !== 'manifest.json.p7s'),
    );
    const tamperedFile = save(tampered);
    const bad = cli(['verify', tamperedFile]);
    expect(bad.code).toBe(1);
    expect(bad.out).toContain('not signed');
    expect(cli(['verify', save(text('not a zip at all'))]).code).toBe(2);

    const target = tempDir('assay-cli-reviewer-');
    expect(cli(['import-pack', tamperedFile, '--data-dir', target]).code).toBe(1);
    const before = listing(target);
    const refused = cli(['import-pack', tamperedFile, '--data-dir', target]);
    expect(refused.code).toBe(1);
    expect(refused.out).toMatch(/refused; nothing was written[\s\S]*not signed/);
    expect(listing(target)).toEqual(before);
    const untrusted = cli(['import-pack', out, '--data-dir', target]);
    expect(untrusted.code).toBe(3);
    expect(untrusted.out).toMatch(/not trusted here; nothing was written/);
    expect(listing(target)).toEqual(before);
    const ok = cli(['import-pack', out, '--data-dir', target, '--accept-untrusted']);
    expect(ok.out).toContain('read-only');
    expect(ok.code).toBe(0);
  });
});
