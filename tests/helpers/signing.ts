import { spawnSync } from 'node:child_process';
import { createPrivateKey, createPublicKey } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import {
  certificatesFromPem,
  createSelfSigned,
  encodeP12,
  fingerprintOf,
  readCertificate,
  toPem,
  type KeyType,
  type UnlockedIdentity,
} from '../../electron/core/signing';
import { projectRoot } from './core';

/**
 * Test RSA-3072 keys made once with openssl (tests/fixtures/test-keys; they sign nothing real).
 * A fresh RSA-3072 key is a random prime search: under a loaded machine it took seconds, and
 * beforeAll hooks that made one timed out now and then. Each distinct signer name in a test file
 * gets its own key from this pool, so "another signer" is always another key.
 */
const TEST_KEYS = [1, 2, 3, 4].map((n) =>
  path.join(projectRoot, 'tests', 'fixtures', 'test-keys', `rsa-3072-${n}.pem`),
);
const keyOfName = new Map<string, number>();

function testKeyPair(name: string) {
  const index = keyOfName.get(name) ?? keyOfName.size;
  keyOfName.set(name, index);
  const file = TEST_KEYS[index];
  if (!file) throw new Error(`Only ${TEST_KEYS.length} test RSA keys: add one for "${name}".`);
  const privateKey = createPrivateKey(fs.readFileSync(file, 'utf8'));
  return { privateKey, publicKey: createPublicKey(privateKey) };
}

/** An unlocked identity made in memory (no store), for signature tests. */
export async function memoryIdentity(
  name = 'Test Signer',
  now = new Date(),
  keyType: KeyType = 'rsa-3072',
): Promise<UnlockedIdentity> {
  const kc = await createSelfSigned(
    { name, organisation: 'Test Org', email: 'signer@example.test' },
    now,
    keyType,
    keyType === 'rsa-3072' ? testKeyPair(name) : undefined,
  );
  const passphrase = 'correct horse battery';
  const cert = readCertificate(kc.chain[0] as Buffer);
  return {
    id: '00000000-0000-7000-8000-000000000000',
    name,
    organisation: 'Test Org',
    email: 'signer@example.test',
    role: 'Lead assessor',
    fingerprint: fingerprintOf(cert.der),
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    p12: await encodeP12(kc, passphrase, name),
    passphrase,
    keyPem: kc.keyPem,
    certPem: kc.chain.map(toPem).join(''),
  };
}

/** Runs a tool that must be on the machine (poppler-utils, openssl); returns output and status. */
export function run(cmd: string, args: string[]) {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000 });
  return { code: r.status, out: `${r.stdout}${r.stderr}` };
}

export const hasTool = (cmd: string) =>
  spawnSync(cmd, ['-v'], { encoding: 'utf8' }).error === undefined;

/**
 * A key and self-signed certificate made by openssl (any size or curve, even ones Assay refuses),
 * as an unlocked identity our signer can use; RSA-512/1024 and P-224 are made this way.
 */
export function opensslIdentity(
  dir: string,
  newkey: string[],
  subject = '/CN=Weak Signer/O=Test Org/emailAddress=weak@example.test',
  days = 30,
): UnlockedIdentity & { keyFile: string; certFile: string } {
  const keyFile = path.join(dir, `key-${newkey.join('-').replace(/[^a-z0-9-]/gi, '')}.pem`);
  const certFile = `${keyFile}.crt`;
  const made = run('openssl', [
    'req',
    '-x509',
    ...newkey,
    '-sha256',
    '-days',
    String(days),
    '-nodes',
    '-subj',
    subject,
    '-keyout',
    keyFile,
    '-out',
    certFile,
  ]);
  if (made.code !== 0) throw new Error(made.out);
  const certPem = fs.readFileSync(certFile, 'utf8');
  const cert = readCertificate(certificatesFromPem(certPem)[0] as Buffer);
  return {
    id: '00000000-0000-7000-8000-000000000001',
    name: cert.subject.name,
    organisation: cert.subject.organisation,
    email: cert.subject.email,
    role: '',
    fingerprint: cert.fingerprint,
    notBefore: cert.notBefore.toISOString(),
    notAfter: cert.notAfter.toISOString(),
    p12: Buffer.alloc(4096),
    passphrase: '',
    keyPem: fs.readFileSync(keyFile, 'utf8'),
    certPem,
    keyFile,
    certFile,
  };
}

/** `openssl cms -verify` of a detached DER signature without chain checks: exit status 0 = intact. */
export function opensslCmsVerify(dir: string, data: Buffer, signature: Buffer) {
  const dataFile = path.join(dir, 'data.bin');
  const sigFile = path.join(dir, 'data.p7s');
  fs.writeFileSync(dataFile, data);
  fs.writeFileSync(sigFile, signature);
  return run('openssl', [
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
}
