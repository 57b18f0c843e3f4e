import { benchInterview } from './interview';
import { benchEvidence } from './evidence';
import { benchRisks } from './risks';
import { benchReport, reportChild } from './report';
import { benchPack } from './pack';
import { benchCycle } from './cycle';
import { benchSync } from './sync';
import { benchExchange } from './exchange';
import type { BenchRow } from './types';

/** `npm run bench`: every figure the issues ask for, with the data size and the same-run baseline. */
const suites: Record<string, () => Promise<BenchRow[]>> = {
  interview: benchInterview,
  evidence: () => benchEvidence(),
  risks: benchRisks,
  report: benchReport,
  pack: () => benchPack(),
  cycle: benchCycle,
  sync: benchSync,
  exchange: benchExchange,
};

function print(rows: BenchRow[]): void {
  for (const row of rows) {
    process.stdout.write(`\n${row.name}\n`);
    process.stdout.write(`  data:     ${row.size}\n`);
    process.stdout.write(`  result:   ${row.value}\n`);
    if (row.baseline) process.stdout.write(`  baseline: ${row.baseline}\n`);
    if (row.ratio) process.stdout.write(`  ratio:    ${row.ratio}\n`);
    if (row.aim) process.stdout.write(`  aim:      ${row.aim}\n`);
  }
}

async function main(): Promise<void> {
  if (process.argv[2] === '--report-child') {
    const [dataDir = '', assessmentId = '', format] = process.argv.slice(3);
    return reportChild(dataDir, assessmentId, format === 'docx' ? 'docx' : 'pdf');
  }
  const only = process.argv.slice(2).filter((a) => !a.startsWith('-'));
  const unknown = only.filter((name) => !(name in suites));
  if (unknown.length > 0) {
    process.stderr.write(
      `Unknown bench ${unknown.join(', ')}; choose from ${Object.keys(suites).join(', ')}.\n`,
    );
    process.exit(2);
  }
  process.stdout.write(`Assay bench — ${new Date().toISOString()} — Node ${process.version}\n`);
  for (const [name, run] of Object.entries(suites)) {
    if (only.length > 0 && !only.includes(name)) continue;
    process.stdout.write(`\n== ${name} ==`);
    print(await run());
  }
  process.stdout.write('\n');
}

void main().catch((error: unknown) => {
  process.stderr.write(
    `bench failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
