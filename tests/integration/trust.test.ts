import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { openStore } from '../../electron/core/db';
import { assessTrust, trustAnchors } from '../../electron/core/trust';
import {
  certificatesFromPem,
  signDetached,
  verifyDetached,
  type UnlockedIdentity,
} from '../../electron/core/signing';
import type { TrustedSigner } from '../../shared/contracts/trust';
import { commandsOf, startTestCore, tempDir } from '../helpers/core';
import { migrationsUpTo, rowsOf, tableCounts, tableNames } from '../helpers/db';
import { hasTool, memoryIdentity, opensslIdentity, run } from '../helpers/signing';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const ok = <T>(name: string, payload: unknown) => commandsOf(core).ok<T>(name, payload);
const failure = (name: string, payload: unknown) => commandsOf(core).failure(name, payload);
const base64 = (pemOrDer: string | Buffer) => Buffer.from(pemOrDer).toString('base64');
const data = Buffer.from('{"files":[]}\n');

/** A CA and a document-signing certificate it issued, made by openssl. */
function caAndLeaf(dir: string) {
  const ca = opensslIdentity(
    dir,
    [
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-addext',
      'basicConstraints=critical,CA:TRUE',
      '-addext',
      'keyUsage=critical,keyCertSign',
    ],
    '/CN=Northwind Audit CA/O=Northwind Audit',
    365,
  );
  const leafKey = path.join(dir, 'leaf.key');
  const csr = path.join(dir, 'leaf.csr');
  const leafCert = path.join(dir, 'leaf.crt');
  const ext = path.join(dir, 'leaf.ext');
  fs.writeFileSync(
    ext,
    'basicConstraints=critical,CA:FALSE\nkeyUsage=critical,digitalSignature,nonRepudiation\n',
  );
  for (const args of [
    [
      'req',
      '-new',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:P-256',
      '-nodes',
      '-keyout',
      leafKey,
      '-subj',
      '/CN=Sam Patel/O=Northwind Audit/emailAddress=sam@northwind.example',
      '-out',
      csr,
    ],
    [
      'x509',
      '-req',
      '-in',
      csr,
      '-CA',
      ca.certFile,
      '-CAkey',
      ca.keyFile,
      '-CAcreateserial',
      '-days',
      '30',
      '-sha256',
      '-extfile',
      ext,
      '-out',
      leafCert,
    ],
  ]) {
    const r = run('openssl', args);
    if (r.code !== 0) throw new Error(r.out);
  }
  const leaf: Pick<UnlockedIdentity, 'keyPem' | 'certPem'> = {
    keyPem: fs.readFileSync(leafKey, 'utf8'),
    certPem: fs.readFileSync(leafCert, 'utf8'),
  };
  return { ca, leaf };
}

describe('trusted signers', () => {
  it('adds a certificate file (PEM or DER), pins a fingerprint as people paste it, lists, removes — audited', async () => {
    const colleague = await memoryIdentity('Sam Colleague');
    const added = await ok<TrustedSigner>('trust.addCertificate', {
      fileBase64: base64(colleague.certPem),
      name: 'Sam, QA lead',
      note: 'Certificate handed over in person',
    });
    expect(added).toMatchObject({
      source: 'certificate',
      fingerprint: colleague.fingerprint,
      subject: 'Sam Colleague',
      issuer: '',
      isCa: false,
    });
    const der = certificatesFromPem(colleague.certPem)[0] as Buffer;
    expect(
      (await failure('trust.addCertificate', { fileBase64: base64(der), name: 'Again' })).message,
    ).toMatch(/trusted already, as "Sam, QA lead"/);
    const other = await memoryIdentity('Robin Other');
    const pasted = `SHA256 Fingerprint=${other.fingerprint.toLowerCase().replace(/:/g, ' ')}`;
    const pinned = await ok<TrustedSigner>('trust.pinFingerprint', {
      fingerprint: pasted,
      name: 'Robin',
    });
    expect(pinned).toMatchObject({ source: 'fingerprint', fingerprint: other.fingerprint });
    expect((await failure('trust.pinFingerprint', { fingerprint: 'AB:CD', name: 'x' })).code).toBe(
      'VALIDATION',
    );
    const listed = await ok<{ signers: TrustedSigner[] }>('trust.list', {});
    expect(listed.signers.map((s) => s.name)).toEqual(['Robin', 'Sam, QA lead']);

    // What trust.list shows is what a verification uses.
    for (const [who, name] of [
      [colleague, 'Sam, QA lead'],
      [other, 'Robin'],
    ] as const) {
      const check = await verifyDetached(data, await signDetached(data, who));
      expect(assessTrust(check, trustAnchors(core.ctx))).toMatchObject({
        verdict: 'trusted',
        trustedBy: { kind: 'signer', name },
      });
    }
    await ok('trust.remove', { id: pinned.id });
    expect((await failure('trust.remove', { id: pinned.id })).code).toBe('NOT_FOUND');
    const check = await verifyDetached(data, await signDetached(data, other));
    expect(assessTrust(check, trustAnchors(core.ctx)).verdict).toBe('untrusted');
    const actions = core.store.sqlite
      .prepare("SELECT action FROM audit_log WHERE entity_type = 'trusted_signer' ORDER BY rowid")
      .all();
    expect(actions).toEqual([
      { action: 'trust.addCertificate' },
      { action: 'trust.pinFingerprint' },
      { action: 'trust.remove' },
    ]);
    expect(verifyAuditChain(core.store.sqlite).ok).toBe(true);
  });

  it("refuses garbage, a bundle, a weak key and this directory's own identity, saying why", async () => {
    const garbage = await failure('trust.addCertificate', {
      fileBase64: base64('not a certificate'),
      name: 'x',
    });
    expect(garbage.message).toMatch(/not an X\.509 certificate/);
    const a = await memoryIdentity('Bundle A');
    const b = await memoryIdentity('Bundle B');
    expect(
      (
        await failure('trust.addCertificate', {
          fileBase64: base64(a.certPem + b.certPem),
          name: 'x',
        })
      ).message,
    ).toMatch(/holds 2 certificates/);
    if (hasTool('openssl')) {
      const weak = opensslIdentity(tempDir('assay-trust-weak-'), ['-newkey', 'rsa:1024']);
      expect(
        (await failure('trust.addCertificate', { fileBase64: base64(weak.certPem), name: 'weak' }))
          .message,
      ).toMatch(/at least 2048 bits/);
    }
    const own = await ok<{ fingerprint: string; name: string }>('identities.create', {
      name: 'Own Signer',
      email: 'own@example.test',
      passphrase: 'own passphrase 1',
      keyType: 'ec-p256',
    });
    expect(
      (await failure('trust.pinFingerprint', { fingerprint: own.fingerprint, name: 'me' })).message,
    ).toMatch(/own signing identity "Own Signer"/);
    expect((await ok<{ identities: unknown[] }>('trust.list', {})).identities).toEqual([
      { name: 'Own Signer', fingerprint: own.fingerprint },
    ]);
  });

  it.skipIf(!hasTool('openssl'))(
    'a certificate issued by an imported CA counts as trusted; without the CA its issuer is named',
    async () => {
      const { ca, leaf } = caAndLeaf(tempDir('assay-trust-ca-'));
      const check = await verifyDetached(data, await signDetached(data, leaf));
      expect(check.problems).toEqual([]);
      const before = assessTrust(check, trustAnchors(core.ctx));
      expect(before).toMatchObject({
        verdict: 'untrusted',
        selfSigned: false,
        issuer: 'Northwind Audit CA',
      });
      expect(before.reason).toMatch(/issued by "Northwind Audit CA"/);
      const added = await ok<TrustedSigner>('trust.addCertificate', {
        fileBase64: base64(ca.certPem),
        name: 'Northwind Audit CA',
      });
      expect(added.isCa).toBe(true);
      expect(assessTrust(check, trustAnchors(core.ctx))).toMatchObject({
        verdict: 'trusted',
        trustedBy: { kind: 'authority', name: 'Northwind Audit CA' },
      });
      // A self-signed twin of the leaf (same names, its own key) is not issued by the CA.
      const twin = opensslIdentity(
        tempDir('assay-trust-twin-'),
        ['-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:P-256'],
        '/CN=Sam Patel/O=Northwind Audit/emailAddress=sam@northwind.example',
      );
      const forged = await verifyDetached(data, await signDetached(data, twin));
      expect(assessTrust(forged, trustAnchors(core.ctx)).verdict).toBe('untrusted');
      // A CA pinned only by fingerprint counts when the signature carries its certificate.
      await ok('trust.remove', { id: added.id });
      await ok('trust.pinFingerprint', { fingerprint: ca.fingerprint, name: 'CA by fingerprint' });
      const withChain = await verifyDetached(
        data,
        await signDetached(data, { keyPem: leaf.keyPem, certPem: leaf.certPem + ca.certPem }),
      );
      expect(assessTrust(withChain, trustAnchors(core.ctx))).toMatchObject({
        verdict: 'trusted',
        trustedBy: { kind: 'authority', name: 'CA by fingerprint' },
      });
      expect(assessTrust(check, trustAnchors(core.ctx)).verdict).toBe('untrusted');
    },
  );
});

describe('the trusted_signers migration', () => {
  it('upgrades a populated database: every earlier row kept, a backup first, the new table empty', async () => {
    const dataDir = tempDir();
    const old = await openStore({
      dataDir,
      migrationsDir: migrationsUpTo('0003_documented_information'),
    });
    const at = '2026-01-15T10:00:00.000Z';
    old.sqlite
      .prepare(
        `INSERT INTO engagements (id, client_name, aims_scope, ai_roles_json, sites_json, lead_assessor,
           start_date, end_date, notes, created_at, updated_at, updated_by)
         VALUES ('01900001-0000-7000-8000-000000000001', 'Client', 'All', '[]', '[]', 'Lead',
           '2026-01-01', '2026-02-01', '', ?, ?, 'tester')`,
      )
      .run(at, at);
    old.sqlite
      .prepare(
        `INSERT INTO signing_identities (id, name, organisation, email, role, key_algorithm,
           cert_fingerprint, p12_file, not_before, not_after, origin, created_at)
         VALUES ('01900001-0000-7000-8000-000000000002', 'Dana', '', 'd@e.test', '', 'RSA-3072',
           ?, 'x.p12', ?, ?, 'created', ?)`,
      )
      .run('AB:'.repeat(31) + 'AB', at, at, at);
    expect(tableNames(old.sqlite)).not.toContain('trusted_signers');
    const userTables = ['engagements', 'signing_identities'];
    const before = userTables.map((t) => rowsOf(old.sqlite, t));
    old.close();

    const upgraded = await startTestCore(dataDir);
    try {
      expect(tableCounts(upgraded.store.sqlite).trusted_signers).toBe(0);
      expect(userTables.map((t) => rowsOf(upgraded.store.sqlite, t))).toEqual(before);
      expect(fs.readdirSync(path.join(dataDir, 'backups')).length).toBeGreaterThan(0);
      // The own identity from before the upgrade is trusted without a row of its own.
      expect(trustAnchors(upgraded.ctx).byFingerprint.get('AB:'.repeat(31) + 'AB')).toEqual({
        kind: 'identity',
        name: 'Dana',
      });
    } finally {
      upgraded.close();
    }
  });
});
