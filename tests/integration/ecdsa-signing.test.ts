import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { unlockIdentity } from '../../electron/core/identities';
import { signDetached, signPdf, verifyDetached, verifyPdf } from '../../electron/core/signing';
import type { Identity } from '../../shared/contracts/identities';
import { startTestCore, tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { hasTool, opensslCmsVerify, run } from '../helpers/signing';

const PASS = 'an ECDSA passphrase';
let core: Awaited<ReturnType<typeof startTestCore>>;
let created: Identity;
const dir = tempDir('assay-ecdsa-');

beforeAll(async () => {
  core = await startTestCore();
  const result = await core.dispatcher.dispatch('identities.create', {
    name: 'Elliptic Signer',
    email: 'ec@example.test',
    passphrase: PASS,
    keyType: 'ec-p256',
  });
  if (!result.ok) throw new Error(result.error.message);
  created = result.value as Identity;
});
afterAll(() => core.close());

describe('ECDSA P-256 identities', () => {
  it('are created as EC-P256 and sign PDFs that pdfsig and we both accept (and both refuse altered)', async () => {
    expect(created.keyAlgorithm).toBe('EC-P256');
    const unlocked = await unlockIdentity(core.ctx, created.id, PASS);
    const signed = await signPdf(await makePdf('ECDSA report'), unlocked, { reason: 'EC test' });
    const ours = await verifyPdf(signed);
    expect(ours.problems).toEqual([]);
    expect(ours).toMatchObject({ valid: true, signer: { fingerprint: created.fingerprint } });
    const altered = Buffer.from(signed);
    const at = Math.floor(signed.indexOf('/ByteRange') / 2);
    altered[at] = (altered[at] ?? 0) ^ 0x01;
    const alteredCheck = await verifyPdf(altered);
    expect(alteredCheck.valid).toBe(false);
    if (hasTool('pdfsig')) {
      const file = path.join(dir, 'ec.pdf');
      fs.writeFileSync(file, signed);
      const out = run('pdfsig', [file]).out;
      expect(out).toContain('Signature is Valid.');
      expect(out).toContain('Elliptic Signer');
      fs.writeFileSync(file, altered);
      expect(run('pdfsig', [file]).out).toContain('Digest Mismatch');
    }
  });

  it('sign pack manifests that openssl cms -verify and we both accept (and both refuse altered)', async () => {
    const unlocked = await unlockIdentity(core.ctx, created.id, PASS);
    const data = Buffer.from('{"files":[]}\n');
    const signature = await signDetached(data, unlocked);
    const ours = await verifyDetached(data, signature);
    expect(ours.problems).toEqual([]);
    expect(ours.signer?.fingerprint).toBe(created.fingerprint);
    const changed = Buffer.from('{"files":[1]}\n');
    expect((await verifyDetached(changed, signature)).valid).toBe(false);
    if (hasTool('openssl')) {
      const ok = opensslCmsVerify(dir, data, signature);
      expect(ok.out).toContain('Verification successful');
      expect(ok.code).toBe(0);
      expect(opensslCmsVerify(dir, changed, signature).code).not.toBe(0);
    }
  });
});
