import path from 'node:path';
import type { Command } from 'commander';
import {
  ExchangeRefused,
  exportExchange,
  importExchange,
  type ImportResult,
} from '../core/exchange';
import { listIdentities } from '../core/identities';
import { describeConflicts, resolveConflict, SyncRefusal, type ConflictView } from '../core/sync';
import { openCore, printable, reportAndExit } from './common';
import { readPassphrase } from './passphrase';

const DATA_DIR = 'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)';

function usage(message: string): Error {
  return Object.assign(new Error(message), { name: 'UsageError' });
}

/** The identity's own passphrase: ASSAY_IDENTITY_PASSPHRASE or a prompt (never an argument). */
async function identityPassphrase(name: string): Promise<string> {
  const fromEnv = process.env.ASSAY_IDENTITY_PASSPHRASE;
  if (fromEnv) return fromEnv;
  const saved = process.env.ASSAY_PASSPHRASE;
  delete process.env.ASSAY_PASSPHRASE;
  try {
    return await readPassphrase({
      confirm: false,
      question: `Passphrase of signing identity "${name}": `,
    });
  } finally {
    if (saved !== undefined) process.env.ASSAY_PASSPHRASE = saved;
  }
}

function summary(result: ImportResult, file: string): string {
  const c = result.changes;
  const lines = [
    `${result.dryRun ? 'Would import' : 'Imported'} ${path.basename(file)} (engagement ${result.engagementId}${result.engagementIsNew ? ', new here' : ''})`,
    `  changes: ${c.total} in the file, ${c.alreadyKnown} already here, ${c.applied} applied, ${c.same + c.kept} needed nothing, ${c.conflict} in conflict`,
    `  evidence files: ${result.evidence.newFiles} new, ${result.evidence.alreadyHere} already here${result.evidence.notIncluded ? `, ${result.evidence.notIncluded} not included in the file` : ''}`,
    `  audit rows kept from the sender: ${result.auditImported}`,
    result.signer
      ? `  signed by ${printable(result.signer.name)} (${result.signer.fingerprint}) — ${printable(result.signer.trust.reason)}`
      : '  not signed',
  ];
  for (const r of result.renumbered)
    lines.push(`  renumbered ${r.tbl} ${r.from} → ${r.to} (the number was taken here)`);
  if (result.conflicts.length > 0)
    lines.push(`  ${result.conflicts.length} conflict(s) to decide: assay conflicts`);
  return `${lines.join('\n')}\n`;
}

function registerExport(exchange: Command): void {
  exchange
    .command('export')
    .description('Write one engagement as an encrypted exchange file (.assayx)')
    .option('--data-dir <dir>', DATA_DIR)
    .requiredOption('--engagement <id>', 'the engagement')
    .requiredOption('--out <file>', 'where to write the .assayx file')
    .option('--identity <name>', 'sign with this identity (name or id)')
    .option('--no-evidence', 'leave the evidence files out (their records and hashes stay)')
    .action(
      async (opts: {
        dataDir?: string;
        engagement: string;
        out: string;
        identity?: string;
        evidence: boolean;
      }) => {
        try {
          const core = await openCore(opts.dataDir);
          try {
            let identity: { id: string; passphrase: string } | null = null;
            if (opts.identity) {
              const found = listIdentities(core.ctx).find(
                (i) => i.id === opts.identity || i.name === opts.identity,
              );
              if (!found)
                throw usage(`no signing identity "${opts.identity}" in this data directory`);
              identity = { id: found.id, passphrase: await identityPassphrase(found.name) };
            }
            const passphrase = await readPassphrase({
              confirm: true,
              question: 'Passphrase for the file (at least 8 characters): ',
            });
            const result = await exportExchange(core.ctx, {
              engagementId: opts.engagement,
              out: opts.out,
              passphrase,
              identity,
              includeEvidence: opts.evidence,
            });
            process.stdout.write(
              `Exported to ${result.path} (${result.bytes} bytes): ${result.changes} changes, ${result.evidenceFiles} evidence files` +
                `${result.signer ? `, signed by ${printable(result.signer.name)} (${result.signer.fingerprint})` : ', not signed'}\n`,
            );
          } finally {
            core.close();
          }
        } catch (error) {
          reportAndExit(error);
        }
      },
    );
}

function registerImport(exchange: Command): void {
  exchange
    .command('import')
    .description(
      'Import an exchange file: a new engagement, or a merge into the one here (exit 3: conflicts to decide)',
    )
    .argument('<file>', 'the .assayx file')
    .option('--data-dir <dir>', DATA_DIR)
    .option('--dry-run', 'check the file and print what would be applied, changing nothing')
    .option(
      '--accept-signer',
      'import even when the signer is not trusted here (after checking the fingerprint)',
    )
    .action(
      async (
        file: string,
        opts: { dataDir?: string; dryRun?: boolean; acceptSigner?: boolean },
      ) => {
        try {
          const core = await openCore(opts.dataDir);
          let result: ImportResult;
          try {
            const passphrase = await readPassphrase({
              confirm: false,
              question: 'Passphrase of the file: ',
            });
            result = await importExchange(core.ctx, path.resolve(file), {
              passphrase,
              dryRun: opts.dryRun === true,
              acceptSigner: opts.acceptSigner === true,
            });
          } finally {
            core.close();
          }
          process.stdout.write(summary(result, file));
          process.exit(result.conflicts.length > 0 ? 3 : 0);
        } catch (error) {
          if (error instanceof ExchangeRefused) {
            process.stderr.write(
              `assay: refused, nothing was changed: ${printable(error.message)}\n`,
            );
            for (const step of error.trust?.howToTrust ?? [])
              process.stderr.write(`  - ${printable(step)}\n`);
            if (error.reason === 'UNTRUSTED')
              process.stderr.write('  - Or import it anyway with --accept-signer.\n');
            process.exit(1);
          }
          reportAndExit(error);
        }
      },
    );
}

const shown = (side: ConflictView['mine']) =>
  side.deleted
    ? '(deleted)'
    : typeof side.value === 'string'
      ? side.value
      : JSON.stringify(side.value);

function printConflicts(conflicts: ConflictView[]): void {
  if (conflicts.length === 0) {
    process.stdout.write('No open conflicts.\n');
    return;
  }
  for (const c of conflicts) {
    const what = c.field === '' ? 'the record itself' : c.field;
    process.stdout.write(`${c.id}  ${c.table} ${printable(c.label)} — ${what} (${c.kind})\n`);
    process.stdout.write(
      `  mine:   ${printable(shown(c.mine))}  [${printable(c.mine.actor)}, ${c.mine.at}]\n`,
    );
    process.stdout.write(
      `  theirs: ${printable(shown(c.theirs))}  [${printable(c.theirs.actor)}, ${c.theirs.at}, from ${c.theirs.replica}]\n`,
    );
  }
}

function registerConflicts(program: Command): void {
  const conflicts = program
    .command('conflicts')
    .description('List the open conflicts an exchange import left to decide')
    .option('--data-dir <dir>', DATA_DIR)
    .option('--json', 'print JSON')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const list = describeConflicts(core.store.sqlite);
          if (opts.json) process.stdout.write(`${JSON.stringify(list, null, 2)}\n`);
          else printConflicts(list);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
  conflicts
    .command('resolve')
    .description(
      'Decide a conflict: keep this side\u2019s value (mine) or take the other side\u2019s (theirs)',
    )
    .argument('<id>', 'the conflict (see "assay conflicts")')
    .requiredOption('--take <side>', 'mine or theirs')
    .option('--data-dir <dir>', DATA_DIR)
    .action(async (id: string, opts: { take: string; dataDir?: string }) => {
      // A usage mistake goes up to main(), which exits 2.
      if (opts.take !== 'mine' && opts.take !== 'theirs')
        throw usage('--take is "mine" or "theirs"');
      try {
        const core = await openCore(opts.dataDir ?? conflicts.opts<{ dataDir?: string }>().dataDir);
        try {
          resolveConflict(
            core.store.sqlite,
            id,
            { take: opts.take },
            { actor: core.ctx.actor(), now: core.ctx.now() },
          );
          process.stdout.write(
            `Conflict ${id} decided: ${opts.take === 'mine' ? 'kept this side\u2019s value' : 'took the other side\u2019s value'}.\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        if (error instanceof SyncRefusal) {
          process.stderr.write(`assay: ${printable(error.message)}\n`);
          process.exit(1);
        }
        reportAndExit(error);
      }
    });
}

/** `assay exchange export|import` and `assay conflicts [resolve]`. */
export function registerExchange(program: Command): void {
  const exchange = program
    .command('exchange')
    .description('Move an engagement between data directories (.assayx)');
  registerExport(exchange);
  registerImport(exchange);
  registerConflicts(program);
}
