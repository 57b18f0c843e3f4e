/**
 * The attack from issue 11: someone makes a certificate with the genuine signer's name, email and
 * organisation in another data directory and signs a PDF and a pack with it. Verified against the
 * genuine signer's data directory, the genuine files are trusted (exit 0) and the forged ones are
 * intact but not trusted (exit 3), in the CLI and in the app alike.
 * The CLI runs the built file: `npx electron-vite build` first.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  REPORT_PATH,
  type PackManifest,
} from '../../shared/contracts/packs';
import type { SignatureCheckResult } from '../../shared/contracts/identities';
import { createIdentity, unlockIdentity } from '../../electron/core/identities';
import { buildPack } from '../../electron/core/packs';
import { signDetached, signPdf } from '../../electron/core/signing';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { makeZip, readZip } from '../helpers/hostile-zip';
import { makePdf } from '../helpers/pdf';
import { packFixture, PASSPHRASE, sendIncoming, type TestCore } from '../helpers/packs';

const bin = path.join(projectRoot, 'bin', 'assay.cjs');
const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));
const work = tempDir('assay-forgery-');
const files = { genuinePdf: '', forgedPdf: '', genuinePack: '', forgedPack: '' };
let genuine: Awaited<ReturnType<typeof packFixture>>;
let forger: TestCore;
let forgedFingerprint = '';
let genuineClosed = false;

function assay(args: string[]) {
  const { ASSAY_DATA_DIR: _dir, ASSAY_PASSPHRASE: _pass, ...env } = process.env;
  const r = spawnSync(process.execPath, [bin, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    env,
    input: '',
    timeout: 60_000,
  });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

/** What the app's Verify panel gets for a file, against a core's data directory. */
async function verifyInApp(core: TestCore, file: string): Promise<SignatureCheckResult> {
  const token = await sendIncoming(core, file);
  const result = await core.dispatcher.dispatch('verify.incoming', {
    token,
    fileName: path.basename(file),
  });
  if (!result.ok) throw new Error(result.error.message);
  return result.value as SignatureCheckResult;
}

beforeAll(async () => {
  genuine = await packFixture();
  const genuineId = await unlockIdentity(genuine.core.ctx, genuine.identity.id, PASSPHRASE);
  const plain = await makePdf('Gap assessment report — Northwind');
  files.genuinePdf = path.join(work, 'genuine.pdf');
  fs.writeFileSync(files.genuinePdf, await signPdf(plain, genuineId, { reason: 'Sign-off' }));
  files.genuinePack = (
    await buildPack(genuine.core.ctx, {
      assessmentId: genuine.assessmentId,
      identityId: genuine.identity.id,
      passphrase: PASSPHRASE,
      omitConfidential: false,
      out: path.join(work, 'genuine.zip'),
    })
  ).path;

  // Another data directory, the same name, organisation and email: a different key.
  forger = await startTestCore();
  const twin = await createIdentity(forger.ctx, {
    name: genuine.identity.name,
    organisation: genuine.identity.organisation,
    email: genuine.identity.email,
    role: 'Lead assessor',
    passphrase: PASSPHRASE,
  });
  forgedFingerprint = twin.fingerprint;
  const forgerId = await unlockIdentity(forger.ctx, twin.id, PASSPHRASE);
  files.forgedPdf = path.join(work, 'forged.pdf');
  fs.writeFileSync(files.forgedPdf, await signPdf(plain, forgerId, { reason: 'Sign-off' }));
  // The genuine pack with the twin's report in it and its manifest re-signed by the twin.
  const forgedReport = fs.readFileSync(files.forgedPdf);
  const items = await readZip(fs.readFileSync(files.genuinePack));
  const manifestItem = items.find((i) => i.name === MANIFEST_PATH);
  if (!manifestItem) throw new Error('no manifest');
  const manifest = JSON.parse(manifestItem.data.toString()) as PackManifest;
  manifest.signer.fingerprint = twin.fingerprint;
  manifest.files = manifest.files.map((f) =>
    f.path === REPORT_PATH
      ? {
          ...f,
          sha256: createHash('sha256').update(forgedReport).digest('hex'),
          size: forgedReport.length,
        }
      : f,
  );
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const replaced: Record<string, Buffer> = {
    [MANIFEST_PATH]: manifestBytes,
    [MANIFEST_SIGNATURE_PATH]: await signDetached(manifestBytes, forgerId),
    [REPORT_PATH]: forgedReport,
  };
  files.forgedPack = path.join(work, 'forged.zip');
  fs.writeFileSync(
    files.forgedPack,
    await makeZip(items.map((i) => ({ ...i, data: replaced[i.name] ?? i.data }))),
  );
}, 180_000);

afterAll(() => {
  if (!genuineClosed) genuine.core.close();
  forger.close();
});

describe('a same-name certificate from another data directory', () => {
  it('is intact but not trusted in the app, for a PDF and a pack; the genuine ones are trusted', async () => {
    for (const [file, verdict] of [
      [files.genuinePdf, 'trusted'],
      [files.forgedPdf, 'untrusted'],
      [files.genuinePack, 'trusted'],
      [files.forgedPack, 'untrusted'],
    ] as const) {
      const result = await verifyInApp(genuine.core, file);
      expect(result.valid, `${file}: ${result.problems.join(' ')}`).toBe(true);
      expect(result.signer?.name).toBe(genuine.identity.name);
      expect(result.trust.verdict, file).toBe(verdict);
      if (verdict === 'untrusted') {
        expect(result.trust.selfSigned).toBe(true);
        expect(result.trust.fingerprint).toBe(forgedFingerprint);
        expect(result.trust.reason).toMatch(/self-signed/);
      } else expect(result.trust.trustedBy).toMatchObject({ kind: 'identity' });
    }
  });

  it('an untrusted pack is not imported unless accepted; the genuine one is imported', async () => {
    const refused = await genuine.core.dispatcher.dispatch('packs.importIncoming', {
      token: await sendIncoming(genuine.core, files.forgedPack),
    });
    expect(refused.ok).toBe(false);
    if (!refused.ok) {
      expect(refused.error.code, refused.error.message).toBe('CONFLICT');
      expect(refused.error.message).toMatch(/not trusted here/);
      expect(refused.error.details?.trust).toMatchObject({ verdict: 'untrusted' });
    }
    expect(fs.existsSync(path.join(genuine.core.dataDir, 'packs'))).toBe(false);
    const accepted = await genuine.core.dispatcher.dispatch('packs.importIncoming', {
      token: await sendIncoming(genuine.core, files.forgedPack),
      acceptUntrusted: true,
    });
    expect(accepted.ok).toBe(true);
    const trusted = await genuine.core.dispatcher.dispatch('packs.importIncoming', {
      token: await sendIncoming(genuine.core, files.genuinePack),
    });
    expect(trusted.ok).toBe(true);
  });

  it.skipIf(!built)(
    'assay verify --data-dir of the genuine signer: 0 for the genuine files, 3 for the forged ones',
    () => {
      const dataDir = genuine.core.dataDir;
      genuine.core.close(); // the CLI takes the data directory's lock
      genuineClosed = true;
      {
        for (const file of [files.genuinePdf, files.genuinePack]) {
          const r = assay(['verify', file, '--data-dir', dataDir]);
          expect(r.code, r.out).toBe(0);
          expect(r.out).toContain('TRUSTED');
        }
        for (const file of [files.forgedPdf, files.forgedPack]) {
          const r = assay(['verify', file, '--data-dir', dataDir]);
          expect(r.code, r.out).toBe(3);
          expect(r.out).toContain(`Signed by:   ${genuine.identity.name}`);
          expect(r.out).toContain(forgedFingerprint);
          expect(r.out).toMatch(/self-signed/);
          expect(r.out).toContain(`assay trust add --fingerprint ${forgedFingerprint}`);
        }
        // Pinning the twin (after checking it with its owner) makes it trusted there too.
        const pinned = assay([
          'trust',
          'add',
          '--fingerprint',
          forgedFingerprint.replace(/:/g, '').toLowerCase(),
          '--name',
          'The twin, checked by phone',
          '--data-dir',
          dataDir,
        ]);
        expect(pinned.code, pinned.out).toBe(0);
        expect(assay(['verify', files.forgedPdf, '--data-dir', dataDir]).code).toBe(0);
      }
    },
  );
});
