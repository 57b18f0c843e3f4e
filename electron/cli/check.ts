import type { Command } from 'commander';
import type { IntegrityReport } from '../../shared/contracts/evidence';
import { checkVault } from '../core/vault/check';
import { openCore, reportAndExit } from './common';

export function registerCheck(program: Command): void {
  program
    .command('check')
    .description(
      'Re-hash every evidence file in the vault; report missing, altered and unreferenced ones (exit 1 if any)',
    )
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .action(async (opts: { dataDir?: string }) => {
      let report: IntegrityReport;
      try {
        const core = await openCore(opts.dataDir);
        try {
          report = await checkVault(core.ctx);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
      process.stdout.write(formatReport(report));
      process.exitCode = report.ok ? 0 : 1;
    });
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
