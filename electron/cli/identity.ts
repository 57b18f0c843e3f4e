import { Option, type Command } from 'commander';
import { CommandFailure } from '../core/errors';
import {
  signingKeyTypes,
  type Identity,
  type SigningKeyType,
} from '../../shared/contracts/identities';
import { createIdentity, importIdentity, listIdentities } from '../core/identities';
import { openCore, printable, reportAndExit } from './common';
import { readPassphrase } from './passphrase';

const dataDirOption = [
  '--data-dir <dir>',
  'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
] as const;

function describe(identity: Identity): string {
  return [
    `${printable(identity.name)} <${printable(identity.email)}>${identity.organisation ? `, ${printable(identity.organisation)}` : ''}`,
    `  id:          ${identity.id}`,
    `  role:        ${printable(identity.role) || '—'}`,
    `  key:         ${identity.keyAlgorithm} (${identity.origin})`,
    `  valid:       ${identity.notBefore} to ${identity.notAfter}`,
    `  fingerprint: ${identity.fingerprint}`,
  ].join('\n');
}

/** A refusal a person can act on: input problems exit 2, other refusals 1; no stack traces. */
function failed(error: unknown): never {
  if (error instanceof CommandFailure && error.code === 'VALIDATION') {
    process.stderr.write(`assay: ${printable(error.message)}\n`);
    process.exit(2);
  }
  if (error instanceof Error && error.name === 'UsageError') {
    process.stderr.write(`assay: ${error.message}\n`);
    process.exit(2);
  }
  reportAndExit(error);
}

interface CreateOpts {
  dataDir?: string;
  name: string;
  email: string;
  org?: string;
  role?: string;
  key: SigningKeyType;
}

export function registerIdentity(program: Command): void {
  const identity = program
    .command('identity')
    .description('Signing identities (keys and certificates)');
  identity
    .command('create')
    .description('Create a signing identity: a new key and a self-signed certificate')
    .option(...dataDirOption)
    .requiredOption('--name <name>', "the signer's name (certificate common name)")
    .requiredOption('--email <email>', "the signer's email address")
    .option('--org <organisation>', 'organisation', '')
    .option('--role <role>', 'role shown on the sign-off page', '')
    .addOption(
      new Option('--key <type>', 'key type: rsa-3072 (read by every PDF reader) or ec-p256')
        .choices(signingKeyTypes)
        .default('rsa-3072'),
    )
    .addHelpText(
      'after',
      '\nThe passphrase comes from ASSAY_PASSPHRASE or a prompt; never an argument.',
    )
    .action(async (opts: CreateOpts) => {
      try {
        const passphrase = await readPassphrase({ confirm: true });
        const core = await openCore(opts.dataDir);
        try {
          const created = await createIdentity(core.ctx, {
            name: opts.name.trim(),
            organisation: (opts.org ?? '').trim(),
            email: opts.email.trim(),
            role: (opts.role ?? '').trim(),
            passphrase,
            keyType: opts.key,
          });
          process.stdout.write(`Created signing identity\n${describe(created)}\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        failed(error);
      }
    });
  identity
    .command('import')
    .description('Import an organisation-issued .p12/.pfx file')
    .option(...dataDirOption)
    .option('--role <role>', 'role shown on the sign-off page', '')
    .option('--name <name>', "name for the identity (default: the certificate's common name)")
    .argument('<file>', 'the .p12/.pfx file')
    .action(async (file: string, opts: { dataDir?: string; role: string; name?: string }) => {
      try {
        const passphrase = await readPassphrase({ confirm: false });
        const core = await openCore(opts.dataDir);
        try {
          const imported = await importIdentity(core.ctx, {
            filePath: file,
            passphrase,
            role: opts.role,
            name: opts.name,
          });
          process.stdout.write(`Imported signing identity\n${describe(imported)}\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        failed(error);
      }
    });
  identity
    .command('list')
    .description('List signing identities with their certificate fingerprints')
    .option(...dataDirOption)
    .action(async (opts: { dataDir?: string }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const all = listIdentities(core.ctx);
          process.stdout.write(
            all.length === 0
              ? 'No signing identities yet. Create one with "assay identity create".\n'
              : `${all.map(describe).join('\n\n')}\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        failed(error);
      }
    });
}
