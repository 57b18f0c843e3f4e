import type { Command } from 'commander';
import type { IntegrityReport } from '../../shared/contracts/evidence';
import { checkIntegrity } from '../core/db';
import { checkVault } from '../core/evidence';
import { openCore, reportAndExit } from './common';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      "Run SQLite's full integrity check on the database and re-hash every evidence file in the vault; report damage, missing, altered and unreferenced files (exit 1 if any)",
    )
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .action(async (opts: { dataDir?: string }) => {
      let report: IntegrityReport;
      let store: { ok: boolean; problems: string[] };
      try {
        const core = await openCore(opts.dataDir);
        try {
          store = checkIntegrity(core.store.sqlite, 'full');
          report = await checkVault(core.ctx);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
      process.stdout.write(formatStore(store) + formatReport(report));
      process.exitCode = report.ok && store.ok ? 0 : 1;
    });
}

function formatStore(store: { ok: boolean; problems: string[] }): string {
  if (store.ok) return 'Database: intact (full integrity check).\n';
  return `Database: DAMAGED — ${store.problems.length} problem(s) found by the integrity check:\n${store.problems
    .slice(0, 20)
    .map((p) => `  ${p}`)
    .join('\n')}\nRestore a backup from the backups folder of the data directory.\n`;
}

const mb = (bytes: number) => `${(bytes / 1048576).toFixed(1)} MB`;

export function formatReport(r: IntegrityReport): string {
  const lines = [
    `Evidence vault: ${r.items} records, ${r.objects} stored files (${mb(r.bytes)}) re-hashed.`,
    `Missing: ${r.missing.length}  Altered: ${r.altered.length}  Unreferenced: ${r.unreferenced.length}`,
  ];
  for (const m of r.missing)
    lines.push(`missing      ${m.sha256}  (records: ${m.items.join(', ') || 'none'})`);
  for (const a of r.altered)
    lines.push(
      `altered      ${a.sha256}  now hashes to ${a.actual}  (records: ${a.items.join(', ')})`,
    );
  for (const u of r.unreferenced) lines.push(`unreferenced objects/${u.name}  (${u.size} bytes)`);
  lines.push(r.ok ? 'OK: every stored file is present and unaltered.' : 'PROBLEMS FOUND.');
  return `${lines.join('\n')}\n`;
}
