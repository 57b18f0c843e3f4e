import path from 'node:path';
import type { Command } from 'commander';
import { verdictExitCodes } from '../../shared/contracts/trust';
import { buildPack, importPack, PackRefused, PackUntrusted } from '../core/packs';
import { listIdentities } from '../core/identities';
import { openCore, printable, reportAndExit } from './common';
import { readPassphrase } from './passphrase';

function usage(message: string): Error {
  return Object.assign(new Error(message), { name: 'UsageError' });
}

interface PackOptions {
  dataDir?: string;
  assessment: string;
  out: string;
  identity?: string;
  omitConfidential?: boolean;
}

/** `assay pack`: a signed certification-readiness pack of one assessment. */
export function registerPack(program: Command): void {
  program
    .command('pack')
    .description('Build a signed certification-readiness pack (.zip) of an assessment')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .requiredOption('--assessment <id>', 'the assessment (see "assay assessments")')
    .requiredOption('--out <file>', 'where to write the .zip')
    .option('--identity <name>', 'signing identity (name or id; default: the only one there is)')
    .option('--omit-confidential', 'leave out confidential evidence and interview notes')
    .action(async (opts: PackOptions) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          let identity = opts.identity;
          if (!identity) {
            const all = listIdentities(core.ctx);
            if (all.length !== 1)
              throw usage(
                all.length === 0
                  ? 'no signing identity in this data directory: create one with "assay identity create".'
                  : 'several signing identities: choose one with --identity NAME.',
              );
            identity = all[0]?.id ?? '';
          }
          const passphrase = await readPassphrase({ confirm: false });
          let shown = '';
          const built = await buildPack(
            core.ctx,
            {
              assessmentId: opts.assessment,
              identityId: identity,
              passphrase,
              omitConfidential: opts.omitConfidential === true,
              out: opts.out,
            },
            (p) => {
              const label = p.label.startsWith('Adding evidence/') ? 'Adding evidence' : p.label;
              if (process.stderr.isTTY && label !== shown) {
                shown = label;
                process.stderr.write(`  ${label}…\n`);
              }
            },
          );
          const target = path.resolve(opts.out);
          if (built.path !== target)
            process.stderr.write(`assay: ${target} exists; wrote ${built.path} instead.\n`);
          process.stdout.write(
            `Signed readiness pack: ${built.path} (${built.files} files, ${built.bytes} bytes)\nSHA-256: ${built.sha256}\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}

/**
 * `assay import-pack`: checked completely first; a refused pack writes nothing (exit 1), and an
 * intact pack whose signer is not trusted here is refused too (exit 3) unless --accept-untrusted.
 */
export function registerImportPack(program: Command): void {
  program
    .command('import-pack')
    .description('Check a readiness pack and keep a read-only copy in a data directory')
    .argument('<file>', 'the pack (.zip)')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option(
      '--accept-untrusted',
      'import even when the signer is not trusted here (after checking the fingerprint yourself)',
    )
    .action(async (file: string, opts: { dataDir?: string; acceptUntrusted?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const pack = await importPack(core.ctx, path.resolve(file), {
            acceptUntrusted: opts.acceptUntrusted === true,
          });
          process.stdout.write(
            `Imported ${printable(pack.client)} (assessment ${pack.assessmentId}), signed by ${printable(pack.signer.name)} <${printable(pack.signer.email)}>\n` +
              `Fingerprint: ${pack.signer.fingerprint}\n${pack.files} files, read-only, in packs/${pack.id}\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        if (error instanceof PackUntrusted) {
          process.stderr.write(
            `assay: the pack is intact but its signer is not trusted here; nothing was written.\n  ${printable(error.trust.reason)}\nFingerprint: ${error.trust.fingerprint ?? 'unknown'}\n`,
          );
          for (const step of error.trust.howToTrust)
            process.stderr.write(`  - ${printable(step)}\n`);
          process.stderr.write(
            'Or import it anyway with --accept-untrusted, once you have checked the fingerprint.\n',
          );
          process.exit(verdictExitCodes.untrusted);
        }
        if (error instanceof PackRefused) {
          process.stderr.write(`assay: the pack was refused; nothing was written:\n`);
          for (const problem of error.problems) process.stderr.write(`  - ${printable(problem)}\n`);
          process.exit(1);
        }
        reportAndExit(error);
      }
    });
}
