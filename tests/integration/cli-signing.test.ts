import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { signPdf } from '../../electron/core/signing/pdf';
import { assayCli } from '../helpers/cli';
import { projectRoot, tempDir } from '../helpers/core';
import { makePdf } from '../helpers/pdf';
import { memoryIdentity } from '../helpers/signing';

const built = fs.existsSync(path.join(projectRoot, 'out', 'main', 'cli.js'));

const assay = (args: string[], env: NodeJS.ProcessEnv = {}) => assayCli(args, env, 60_000);

const dir = tempDir('assay-cli-sig-');
const files = { valid: '', altered: '', appended: '', garbage: '', unsigned: '' };
let signerFingerprint = '';

beforeAll(async () => {
  const plain = await makePdf('CLI verify');
  const identity = await memoryIdentity('Cli Verifier');
  signerFingerprint = identity.fingerprint;
  const signed = await signPdf(plain, identity, { reason: 'CLI test' });
  const altered = Buffer.from(signed);
  altered[200] = (altered[200] ?? 0) ^ 0x20;
  const write = (name: string, bytes: Buffer) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, bytes);
    return file;
  };
  files.valid = write('valid.pdf', signed);
  files.altered = write('altered.pdf', altered);
  files.appended = write('appended.pdf', Buffer.concat([signed, Buffer.from('\n% later\n')]));
  files.garbage = write('garbage.pdf', Buffer.from('this is no pdf at all'));
  files.unsigned = write('unsigned.pdf', plain);
});

describe.skipIf(!built)('assay identity and assay verify', () => {
  it('identity create takes the passphrase from ASSAY_PASSPHRASE; list shows the fingerprint', () => {
    const dataDir = tempDir();
    const args = [
      'identity',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'Cli Signer',
      '--email',
      'cli@example.test',
      '--org',
      'Acme',
      '--role',
      'Lead assessor',
    ];
    const created = assay(args, { ASSAY_PASSPHRASE: 'cli-passphrase-1' });
    expect(created.stderr).toBe('');
    expect(created.code).toBe(0);
    const fingerprint = /fingerprint: (\S+)/.exec(created.stdout)?.[1];
    expect(fingerprint).toMatch(/^([0-9A-F]{2}:){31}[0-9A-F]{2}$/);
    const listed = assay(['identity', 'list', '--data-dir', dataDir]);
    expect(listed.code).toBe(0);
    expect(listed.stdout).toContain('Cli Signer <cli@example.test>, Acme');
    expect(listed.stdout).toContain(fingerprint);
    // The same name again: refused, exit 1.
    expect(assay(args, { ASSAY_PASSPHRASE: 'cli-passphrase-1' }).code).toBe(1);
  });

  it('no terminal and no ASSAY_PASSPHRASE, a short one, or a --passphrase argument: exit 2', () => {
    const dataDir = tempDir();
    const base = [
      'identity',
      'create',
      '--data-dir',
      dataDir,
      '--name',
      'N',
      '--email',
      'n@example.test',
    ];
    const none = assay(base);
    expect(none.code).toBe(2);
    expect(none.stderr).toMatch(/ASSAY_PASSPHRASE/);
    const short = assay(base, { ASSAY_PASSPHRASE: 'short' });
    expect(short.code).toBe(2);
    expect(short.stderr).toMatch(/at least 8/);
    expect(assay([...base, '--passphrase', 'abcdefgh1']).code).toBe(2);
    expect(assay(['identity', 'list', '--data-dir', dataDir]).stdout).toMatch(
      /No signing identities/,
    );
  });

  it('verify exits 0 for a valid PDF by the expected signer and prints who signed, when, and the fingerprint', () => {
    const r = assay(['verify', files.valid, '--expect-fingerprint', signerFingerprint]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Signed by:   Cli Verifier <signer@example.test>, Test Org');
    expect(r.stdout).toMatch(/Signed at:\s+\d{4}-\d{2}-\d{2}T/);
    expect(r.stdout).toMatch(/Fingerprint: ([0-9A-F]{2}:){31}[0-9A-F]{2}/);
    expect(r.stdout).toContain('TRUSTED');
  });

  it('verify exits 3 for an intact PDF nothing trusts: self-signed, the fingerprint, and how to trust it', () => {
    const r = assay(['verify', files.valid]);
    expect(r.code).toBe(3);
    expect(r.stdout).toContain('INTACT, SIGNER NOT TRUSTED');
    expect(r.stdout).toMatch(/self-signed/);
    expect(r.stdout).toContain(`assay trust add --fingerprint ${signerFingerprint}`);
    expect(r.stdout).toMatch(/claimed by the signer/);
    const other = assay(['verify', files.valid, '--expect-fingerprint', 'AB'.repeat(32)]);
    expect(other.code).toBe(3);
    expect(other.stdout).toMatch(/not the one expected/);
  });

  it('verify exits 1 for altered, appended and unsigned PDFs, saying why', () => {
    const altered = assay(['verify', files.altered]);
    expect(altered.code).toBe(1);
    expect(altered.stdout).toContain('digest does not match');
    const appended = assay(['verify', files.appended]);
    expect(appended.code).toBe(1);
    expect(appended.stdout).toContain('added after signing');
    const unsigned = assay(['verify', files.unsigned]);
    expect(unsigned.code).toBe(1);
    expect(unsigned.stdout).toContain('not signed');
  });

  it('verify exits 2 for unreadable input', () => {
    expect(assay(['verify', files.garbage]).code).toBe(2);
    expect(assay(['verify', path.join(dir, 'missing.pdf')]).code).toBe(2);
    expect(assay(['verify', dir]).code).toBe(2);
    expect(assay(['verify']).code).toBe(2);
    const fakeZip = path.join(dir, 'fake.zip');
    fs.writeFileSync(fakeZip, 'PK but not really a zip');
    expect(assay(['verify', fakeZip]).code).toBe(2);
  });
});
