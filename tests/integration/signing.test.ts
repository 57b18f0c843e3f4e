import fs from 'node:fs';
import path from 'node:path';
import forge from 'node-forge';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { CommandFailure } from '../../electron/core/errors';
import { createIdentity, unlockIdentity } from '../../electron/core/identities';
import { encodeP12 } from '../../electron/core/signing/p12';
import { signPdf, verifyPdf } from '../../electron/core/signing/pdf';
import type { Identity } from '../../shared/contracts/identities';
import type { CommandErrorBody } from '../../shared/contracts/envelope';
import { startTestCore, tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { sendBytes } from '../helpers/incoming';
import { hasTool, run } from '../helpers/signing';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const PASS = 'Tr0ub4dor&3-unique-marker';
const person = {
  name: 'Dana Assessor',
  organisation: 'Northwind Audit',
  email: 'dana@example.test',
  role: 'Lead assessor',
};

async function ok<T>(name: string, payload: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, payload);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}
async function failure(name: string, payload: unknown): Promise<CommandErrorBody> {
  const result = await core.dispatcher.dispatch(name, payload);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}
const idDir = () => path.join(core.dataDir, 'identities');
const filesIn = (dir: string) => (fs.existsSync(dir) ? fs.readdirSync(dir) : []);

/** A .p12 made by forge with chosen validity and signature hash, to exercise import checks. */
async function forgeP12(opts: {
  notBefore: Date;
  notAfter: Date;
  md?: forge.md.MessageDigest;
  keys?: 0 | 1;
}) {
  const keys = forge.pki.rsa.generateKeyPair({ bits: 2048, e: 0x10001 });
  const cert = forge.pki.createCertificate();
  cert.publicKey = keys.publicKey;
  cert.serialNumber = '01';
  cert.validity.notBefore = opts.notBefore;
  cert.validity.notAfter = opts.notAfter;
  const attrs = [
    { name: 'commonName', value: 'Org Signer' },
    { name: 'organizationName', value: 'Org Ltd' },
  ];
  cert.setSubject(attrs);
  cert.setIssuer(attrs);
  cert.sign(keys.privateKey, opts.md ?? forge.md.sha256.create());
  if (opts.keys === 0) {
    const asn1 = forge.pkcs12.toPkcs12Asn1(null, [cert], PASS, { algorithm: '3des' });
    return Buffer.from(forge.asn1.toDer(asn1).getBytes(), 'binary');
  }
  const der = Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(cert)).getBytes(), 'binary');
  return encodeP12(
    { keyPem: forge.pki.privateKeyToPem(keys.privateKey), chain: [der] },
    PASS,
    'org',
  );
}

describe('signing identities', () => {
  it('creates an identity: RSA-3072, self-signed, a 0600 PKCS#12 openssl opens, audited', async () => {
    const created = await ok<Identity>('identities.create', { ...person, passphrase: PASS });
    expect(created).toMatchObject({ ...person, keyAlgorithm: 'RSA-3072', origin: 'created' });
    expect(created.fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const years = (Date.parse(created.notAfter) - Date.parse(created.notBefore)) / (365.25 * 864e5);
    expect(Math.round(years)).toBe(3);

    expect(filesIn(idDir())).toEqual([`${created.id}.p12`]); // no temp file left behind
    const file = path.join(idDir(), `${created.id}.p12`);
    if (process.platform !== 'win32') expect(fs.statSync(file).mode & 0o777).toBe(0o600);

    const listed = await ok<Identity[]>('identities.list', {});
    expect(listed).toEqual([created]);
    const audit = core.store.sqlite
      .prepare("SELECT action FROM audit_log WHERE entity_type = 'signing_identity'")
      .all();
    expect(audit).toEqual([{ action: 'identity.create' }]);
    expect(verifyAuditChain(core.store.sqlite).ok).toBe(true);

    if (hasTool('openssl')) {
      const info = run('openssl', [
        'pkcs12',
        '-info',
        '-noout',
        '-passin',
        `pass:${PASS}`,
        '-in',
        file,
      ]);
      expect(info.code, info.out).toBe(0);
      expect(info.out).toContain('AES-256-CBC');
      const pem = run('openssl', [
        'pkcs12',
        '-in',
        file,
        '-passin',
        `pass:${PASS}`,
        '-nokeys',
        '-clcerts',
        '-out',
        `${file}.pem`,
      ]);
      expect(pem.code).toBe(0);
      const x509 = run('openssl', [
        'x509',
        '-in',
        `${file}.pem`,
        '-noout',
        '-fingerprint',
        '-sha256',
        '-subject',
        '-ext',
        'keyUsage,extendedKeyUsage',
      ]);
      fs.rmSync(`${file}.pem`);
      expect(x509.out).toContain(created.fingerprint);
      expect(x509.out).toMatch(/CN\s*=\s*Dana Assessor/);
      expect(x509.out).toContain('Digital Signature, Non Repudiation');
      expect(x509.out).toContain('E-mail Protection');
    }
  });

  it('unlocks with the passphrase only; a wrong one gets a plain VALIDATION message', async () => {
    const created = await ok<Identity>('identities.create', { ...person, passphrase: PASS });
    await expect(unlockIdentity(core.ctx, created.id, 'wrong passphrase')).rejects.toMatchObject({
      code: 'VALIDATION',
      message: 'The passphrase does not open this identity',
    });
    const unlocked = await unlockIdentity(core.ctx, 'Dana Assessor', PASS);
    expect(unlocked.fingerprint).toBe(created.fingerprint);
    expect(unlocked.keyPem).toContain('PRIVATE KEY');
    const signed = await signPdf(await makePdf(), unlocked, { reason: 'test' });
    expect(await verifyPdf(signed)).toMatchObject({
      valid: true,
      signer: { fingerprint: created.fingerprint },
    });
  });

  it('refuses short passphrases, bad emails, duplicate names, with the field named', async () => {
    expect(
      (await failure('identities.create', { ...person, passphrase: 'short' })).message,
    ).toMatch(/passphrase.*at least 8/);
    expect(
      (await failure('identities.create', { ...person, email: 'nope', passphrase: PASS })).message,
    ).toMatch(/email/);
    await ok('identities.create', { ...person, passphrase: PASS });
    const dup = await failure('identities.create', { ...person, passphrase: PASS });
    expect(dup.code).toBe('CONFLICT');
    expect(filesIn(idDir())).toHaveLength(1);
  });

  it('a row that cannot be written takes its file with it (no key without a row)', async () => {
    // Both pass the early name check; the second loses inside the transaction and must clean up.
    const results = await Promise.allSettled([
      createIdentity(core.ctx, { ...person, passphrase: PASS }),
      createIdentity(core.ctx, { ...person, passphrase: PASS }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected');
    expect((rejected as PromiseRejectedResult).reason).toBeInstanceOf(CommandFailure);
    const rows = core.store.sqlite
      .prepare('SELECT p12_file AS f FROM signing_identities')
      .all() as { f: string }[];
    expect(filesIn(idDir())).toEqual(rows.map((r) => r.f));
  });

  it('never stores the passphrase: not in the database file, the WAL or any audit row', async () => {
    const created = await ok<Identity>('identities.create', { ...person, passphrase: PASS });
    await failure('identities.import', {
      token: await sendBytes(core, Buffer.from('AAAA', 'base64')),
      passphrase: `${PASS}-import`,
    });
    await ok('identities.delete', { id: created.id });
    core.store.sqlite.pragma('wal_checkpoint(PASSIVE)');
    for (const name of filesIn(core.dataDir).filter((f) => f.startsWith('assay.db'))) {
      const bytes = fs.readFileSync(path.join(core.dataDir, name));
      expect(bytes.includes(PASS), name).toBe(false);
      expect(bytes.includes(Buffer.from(PASS, 'utf16le')), name).toBe(false);
    }
    const audit = JSON.stringify(core.store.sqlite.prepare('SELECT * FROM audit_log').all());
    expect(audit).not.toContain(PASS);
    expect(audit).not.toContain('passphrase');
  });

  it('deletes an identity: row and file gone, audited', async () => {
    const created = await ok<Identity>('identities.create', { ...person, passphrase: PASS });
    await ok('identities.delete', { id: created.id });
    expect(await ok('identities.list', {})).toEqual([]);
    expect(filesIn(idDir())).toEqual([]);
    const actions = core.store.sqlite
      .prepare('SELECT action FROM audit_log WHERE entity_id = ? ORDER BY seq')
      .all(created.id);
    expect(actions).toEqual([{ action: 'identity.create' }, { action: 'identity.delete' }]);
    expect((await failure('identities.delete', { id: created.id })).code).toBe('NOT_FOUND');
  });

  it.skipIf(!hasTool('openssl'))(
    'imports an organisation-issued .p12 made by openssl',
    async () => {
      const dir = tempDir('assay-p12-');
      const key = path.join(dir, 'k.pem');
      const crt = path.join(dir, 'c.pem');
      const p12 = path.join(dir, 'org.pfx');
      run('openssl', [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-sha256',
        '-days',
        '30',
        '-nodes',
        '-subj',
        '/CN=Org Signer/O=Org Ltd/emailAddress=o@org.example',
        '-keyout',
        key,
        '-out',
        crt,
      ]);
      const exp = run('openssl', [
        'pkcs12',
        '-export',
        '-inkey',
        key,
        '-in',
        crt,
        '-passout',
        `pass:${PASS}`,
        '-out',
        p12,
      ]);
      expect(exp.code, exp.out).toBe(0);
      // A received file is taken once: each import sends it again, as the page does.
      const send = () => sendBytes(core, fs.readFileSync(p12), 'org.p12');

      expect(
        (await failure('identities.import', { token: await send(), passphrase: 'not the one!' }))
          .message,
      ).toBe('The passphrase does not open this identity');
      const imported = await ok<Identity>('identities.import', {
        token: await send(),
        passphrase: PASS,
        role: 'Quality manager',
      });
      expect(imported).toMatchObject({
        name: 'Org Signer',
        organisation: 'Org Ltd',
        email: 'o@org.example',
        origin: 'imported',
        keyAlgorithm: 'RSA-2048',
      });
      const stored = fs.readFileSync(path.join(idDir(), `${imported.id}.p12`));
      expect(stored.equals(fs.readFileSync(p12))).toBe(true);
      const unlocked = await unlockIdentity(core.ctx, imported.id, PASS);
      const check = await verifyPdf(await signPdf(await makePdf(), unlocked, { reason: 'org' }));
      expect(check).toMatchObject({ valid: true, signer: { name: 'Org Signer' } });
      expect(
        (await failure('identities.import', { token: await send(), passphrase: PASS })).code,
      ).toBe('CONFLICT');
    },
  );

  it('refuses expired, not-yet-valid, SHA-1, key-less and non-PKCS#12 files', async () => {
    const day = 864e5;
    const now = Date.now();
    const cases: [Buffer, RegExp][] = [
      [
        await forgeP12({ notBefore: new Date(now - 30 * day), notAfter: new Date(now - day) }),
        /expired/,
      ],
      [
        await forgeP12({ notBefore: new Date(now + day), notAfter: new Date(now + 30 * day) }),
        /not valid before/,
      ],
      [
        await forgeP12({
          notBefore: new Date(now - day),
          notAfter: new Date(now + day),
          md: forge.md.sha1.create(),
        }),
        /SHA-256/,
      ],
      [
        await forgeP12({ notBefore: new Date(now - day), notAfter: new Date(now + day), keys: 0 }),
        /no private key/,
      ],
      [Buffer.from('definitely not a pkcs12 file'), /not a (readable )?PKCS#12/],
    ];
    for (const [bytes, reason] of cases) {
      const error = await failure('identities.import', {
        token: await sendBytes(core, bytes),
        passphrase: PASS,
      });
      expect(error.code).toBe('VALIDATION');
      expect(error.message).toMatch(reason);
    }
    expect(filesIn(idDir())).toEqual([]);
    const big = await failure('identities.import', {
      token: await sendBytes(core, Buffer.from('A'.repeat(1_500_000), 'base64')),
      passphrase: PASS,
    });
    expect(big.message).toMatch(/file.*1 MB/);
    // Refused or not, nothing sent stays behind in the data directory.
    expect(filesIn(path.join(core.dataDir, 'incoming'))).toEqual([]);
  });
});
