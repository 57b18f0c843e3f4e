import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { normaliseFingerprint, type TrustedSigner } from '../../shared/contracts/trust';
import { addCertificate, listTrust, pinFingerprint, removeSigner } from '../core/trust';
import { openCore, printable, reportAndExit } from './common';

const dataDirOption = [
  '--data-dir <dir>',
  'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
] as const;

/** A certificate file is small; anything larger is not one. */
const MAX_CERTIFICATE_BYTES = 64 * 1024;

class UsageError extends Error {
  override name = 'UsageError';
}

function describe(signer: TrustedSigner): string {
  const what =
    signer.source === 'fingerprint'
      ? 'pinned fingerprint'
      : `${signer.isCa ? 'authority (CA) certificate' : 'certificate'} of ${printable(signer.subject)}${signer.issuer ? `, issued by ${printable(signer.issuer)}` : ', self-signed'}`;
  const lines = [
    `${signer.id}  ${printable(signer.name)} — ${what}`,
    `  Fingerprint: ${signer.fingerprint}`,
  ];
  if (signer.notAfter) lines.push(`  Valid until: ${signer.notAfter}`);
  if (signer.note) lines.push(`  Note:        ${printable(signer.note)}`);
  return lines.join('\n');
}

interface AddOpts {
  dataDir?: string;
  fingerprint?: string;
  name: string;
  note?: string;
}

function readCertificateFile(file: string): Buffer {
  const stat = fs.statSync(file);
  if (!stat.isFile()) throw new UsageError(`${path.basename(file)} is not a file`);
  if (stat.size > MAX_CERTIFICATE_BYTES)
    throw new UsageError(`${path.basename(file)} is larger than 64 KB, which no certificate is`);
  return fs.readFileSync(file);
}

/** `assay trust add|list|remove`: the signers this data directory trusts (see README → Trust). */
export function registerTrust(program: Command): void {
  const trust = program
    .command('trust')
    .description('Signers this data directory trusts (its own identities are trusted already)');
  trust
    .command('add')
    .description(
      'Trust a certificate file (.cer/.crt/.pem/.der) — a colleague’s, or a CA whose certificates then count — or a SHA-256 fingerprint',
    )
    .argument('[file]', 'the certificate file (or give --fingerprint instead)')
    .option(...dataDirOption)
    .option(
      '--fingerprint <sha256>',
      'the certificate’s SHA-256 fingerprint, checked with its owner',
    )
    .requiredOption('--name <name>', 'what to call this signer here')
    .option('--note <note>', 'why it is trusted, who confirmed the fingerprint …', '')
    .action(async (file: string | undefined, opts: AddOpts) => {
      try {
        if (Boolean(file) === Boolean(opts.fingerprint))
          throw new UsageError('give either a certificate file or --fingerprint, not both');
        const fingerprint = opts.fingerprint ? normaliseFingerprint(opts.fingerprint) : null;
        if (opts.fingerprint && !fingerprint)
          throw new UsageError('--fingerprint must be a SHA-256 fingerprint (64 hex digits)');
        const name = opts.name.trim();
        if (!name || name.length > 200) throw new UsageError('--name must be 1–200 characters');
        const bytes = file ? readCertificateFile(file) : null;
        const core = await openCore(opts.dataDir);
        try {
          const note = (opts.note ?? '').slice(0, 2000);
          const added = bytes
            ? addCertificate(core.ctx, { bytes, name, note })
            : pinFingerprint(core.ctx, { fingerprint: fingerprint ?? '', name, note });
          process.stdout.write(`Trusted:\n${describe(added)}\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
  trust
    .command('list')
    .description('The trusted signers and this directory’s own identities, with fingerprints')
    .option(...dataDirOption)
    .option('--json', 'print JSON instead of text')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const listed = listTrust(core.ctx);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(listed, null, 2)}\n`);
            return;
          }
          const lines: string[] = [];
          for (const identity of listed.identities)
            lines.push(
              `(own identity)  ${printable(identity.name)}\n  Fingerprint: ${identity.fingerprint}`,
            );
          for (const signer of listed.signers) lines.push(describe(signer));
          process.stdout.write(
            lines.length ? `${lines.join('\n')}\n` : 'No trusted signers and no identities yet.\n',
          );
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
  trust
    .command('remove')
    .description('Stop trusting a signer (by the id `assay trust list` shows)')
    .argument('<id>', 'the trusted signer’s id')
    .option(...dataDirOption)
    .action(async (id: string, opts: { dataDir?: string }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          removeSigner(core.ctx, id);
          process.stdout.write(`No longer trusted: ${printable(id)}\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}
