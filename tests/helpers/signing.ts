import { spawnSync } from 'node:child_process';
import forge from 'node-forge';
import { createSelfSigned, encodeP12, fingerprintOf, toDer } from '../../electron/core/signing/p12';
import type { UnlockedIdentity } from '../../electron/core/signing/types';

/** An unlocked identity made in memory (no store), for signature tests. */
export function memoryIdentity(name = 'Test Signer', now = new Date()): UnlockedIdentity {
  const kc = createSelfSigned(
    { name, organisation: 'Test Org', email: 'signer@example.test' },
    now,
  );
  const passphrase = 'correct horse battery';
  return {
    id: '00000000-0000-7000-8000-000000000000',
    name,
    organisation: 'Test Org',
    email: 'signer@example.test',
    role: 'Lead assessor',
    fingerprint: fingerprintOf(toDer(kc.cert)),
    notBefore: kc.cert.validity.notBefore.toISOString(),
    notAfter: kc.cert.validity.notAfter.toISOString(),
    p12: encodeP12(kc, passphrase, name),
    passphrase,
    keyPem: forge.pki.privateKeyToPem(kc.key),
    certPem: forge.pki.certificateToPem(kc.cert),
  };
}

/** Runs a tool that must be on the machine (poppler-utils, openssl); returns output and status. */
export function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

export const hasTool = (cmd: string) =>
  spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;
