import { describe, expect, it } from 'vitest';
import { signDetached, verifyDetached } from '../../electron/core/signing/cms';
import { tempDir } from '../helpers/core';
import { hasTool, memoryIdentity, opensslCmsVerify } from '../helpers/signing';

const identity = await memoryIdentity('Manifest Signer');
const data = Buffer.from(
  JSON.stringify({ files: [{ path: 'report.pdf', sha256: 'ab'.repeat(32) }] }),
);

describe('detached CMS signatures (pack manifests)', () => {
  it('signs and verifies, reporting the signer, the time and the fingerprint', async () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const sig = await signDetached(data, identity, at);
    const check = await verifyDetached(data, sig);
    expect(check.problems).toEqual([]);
    expect(check.valid).toBe(true);
    expect(check.signedAt).toBe(at.toISOString());
    expect(check.signer).toEqual({
      name: 'Manifest Signer',
      email: 'signer@example.test',
      organisation: 'Test Org',
      fingerprint: identity.fingerprint,
    });
  });

  it('rejects changed data, a changed signature and garbage, with reasons', async () => {
    const sig = await signDetached(data, identity);
    const changed = Buffer.from(data);
    changed[5] = (changed[5] ?? 0) ^ 1;
    const a = await verifyDetached(changed, sig);
    expect(a.valid).toBe(false);
    expect(a.problems.join(' ')).toMatch(/digest does not match/);

    const tampered = Buffer.from(sig);
    const at = tampered.length - 10; // inside the RSA signature value
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    const b = await verifyDetached(data, tampered);
    expect(b.valid).toBe(false);
    expect(b.problems.join(' ')).toMatch(/does not verify/);

    for (const junk of [Buffer.alloc(0), Buffer.from('not a signature'), sig.subarray(0, 100)]) {
      const c = await verifyDetached(data, junk);
      expect(c.valid).toBe(false);
      expect(c.problems.length).toBeGreaterThan(0);
    }
  });

  it('a signing time outside the certificate validity is a problem', async () => {
    const check = await verifyDetached(
      data,
      await signDetached(data, identity, new Date('2001-01-01T00:00:00Z')),
    );
    expect(check.valid).toBe(false);
    expect(check.problems.join(' ')).toMatch(/not valid at the claimed signing time/);
  });

  it('a signature by another key does not pass as this one (the fingerprint differs)', async () => {
    const other = await memoryIdentity('Someone Else');
    const check = await verifyDetached(data, await signDetached(data, other));
    expect(check.valid).toBe(true);
    expect(check.signer?.fingerprint).toBe(other.fingerprint);
    expect(check.signer?.fingerprint).not.toBe(identity.fingerprint);
  });

  it.skipIf(!hasTool('openssl'))('openssl cms -verify accepts it', async () => {
    const dir = tempDir('assay-cms-');
    const signature = await signDetached(data, identity);
    const ok = opensslCmsVerify(dir, data, signature);
    expect(ok.out).toContain('Verification successful');
    expect(ok.code).toBe(0);
    const bad = opensslCmsVerify(dir, Buffer.concat([data, Buffer.from(' ')]), signature);
    expect(bad.code).not.toBe(0);
  });
});
