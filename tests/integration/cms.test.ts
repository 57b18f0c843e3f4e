import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { signDetached, verifyDetached } from '../../electron/core/signing/cms';
import { tempDir } from '../helpers/core';
import { hasTool, memoryIdentity, run } from '../helpers/signing';

const identity = memoryIdentity('Manifest Signer');
const data = Buffer.from(
  JSON.stringify({ files: [{ path: 'report.pdf', sha256: 'ab'.repeat(32) }] }),
);

describe('detached CMS signatures (pack manifests)', () => {
  it('signs and verifies, reporting the signer, the time and the fingerprint', () => {
    const at = new Date(Math.floor(Date.now() / 1000) * 1000);
    const sig = signDetached(data, identity, at);
    const check = verifyDetached(data, sig);
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

  it('rejects changed data, a changed signature and garbage, with reasons', () => {
    const sig = signDetached(data, identity);
    const changed = Buffer.from(data);
    changed[5] = (changed[5] ?? 0) ^ 1;
    const a = verifyDetached(changed, sig);
    expect(a.valid).toBe(false);
    expect(a.problems.join(' ')).toMatch(/digest does not match/);

    const tampered = Buffer.from(sig);
    const at = tampered.length - 10; // inside the RSA signature value
    tampered[at] = (tampered[at] ?? 0) ^ 0xff;
    const b = verifyDetached(data, tampered);
    expect(b.valid).toBe(false);
    expect(b.problems.join(' ')).toMatch(/does not verify/);

    for (const junk of [Buffer.alloc(0), Buffer.from('not a signature'), sig.subarray(0, 100)]) {
      const c = verifyDetached(data, junk);
      expect(c.valid).toBe(false);
      expect(c.problems.length).toBeGreaterThan(0);
    }
  });

  it('a signing time outside the certificate validity is a problem', () => {
    const check = verifyDetached(
      data,
      signDetached(data, identity, new Date('2001-01-01T00:00:00Z')),
    );
    expect(check.valid).toBe(false);
    expect(check.problems.join(' ')).toMatch(/not valid at signing time/);
  });

  it('a signature by another key does not pass as this one (the fingerprint differs)', () => {
    const other = memoryIdentity('Someone Else');
    const check = verifyDetached(data, signDetached(data, other));
    expect(check.valid).toBe(true);
    expect(check.signer?.fingerprint).toBe(other.fingerprint);
    expect(check.signer?.fingerprint).not.toBe(identity.fingerprint);
  });

  it.skipIf(!hasTool('openssl'))('openssl cms -verify accepts it', () => {
    const dir = tempDir('assay-cms-');
    const dataFile = path.join(dir, 'manifest.json');
    const sigFile = path.join(dir, 'manifest.json.p7s');
    fs.writeFileSync(dataFile, data);
    fs.writeFileSync(sigFile, signDetached(data, identity));
    const ok = run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sigFile,
      '-content',
      dataFile,
      '-noverify',
      '-out',
      '/dev/null',
    ]);
    expect(ok.out).toContain('Verification successful');
    expect(ok.code).toBe(0);
    fs.writeFileSync(dataFile, Buffer.concat([data, Buffer.from(' ')]));
    const bad = run('openssl', [
      'cms',
      '-verify',
      '-binary',
      '-inform',
      'DER',
      '-in',
      sigFile,
      '-content',
      dataFile,
      '-noverify',
      '-out',
      '/dev/null',
    ]);
    expect(bad.code).not.toBe(0);
  });
});
