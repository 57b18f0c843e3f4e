import { InvalidArgumentError, type Command } from 'commander';
import { seedDemo, type DemoSize } from '../core/demo';
import { openCore, reportAndExit } from './common';

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('Fill an empty data directory with a realistic, deterministic demo')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option(
      '--size <size>',
      'small (one client, two thirds answered) or large (20 clients, for benchmarks)',
      parseSize,
      'small',
    )
    .option(
      '--seed <n>',
      'seed for the generator; the same seed gives the same demo',
      parseSeed,
      42,
    )
    .action(async (opts: { dataDir?: string; size: DemoSize; seed: number }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const started = Date.now();
          const report = await seedDemo(core.ctx, { size: opts.size, seed: opts.seed });
          process.stdout.write(
            `Demo (${opts.size}, seed ${opts.seed}) written to ${core.ctx.dataDir} in ${((Date.now() - started) / 1000).toFixed(1)} s:\n` +
              `  ${report.engagements} engagement(s), ${report.assessments} assessment(s), ${report.sessions} interview sessions,\n` +
              `  ${report.responses} answers, ${report.findings} findings, ${report.soaEntries} SoA decisions,\n` +
              `  ${report.risks} risks, ${report.evidence} evidence files, ${report.documents} documented-information records,\n` +
              `  ${report.correctiveActions} corrective actions, ${report.internalAudits} internal audits, ${report.managementReviews} management review(s);\n` +
              `  ${report.previousAssessmentIds.length} earlier cycle(s): last year's final assessment, this year's started from it.\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}

function parseSize(value: string): DemoSize {
  if (value !== 'small' && value !== 'large')
    throw new InvalidArgumentError('must be small or large.');
  return value;
}

function parseSeed(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 0 || n > 2 ** 32 - 1)
    throw new InvalidArgumentError('must be a whole number from 0 to 4294967295.');
  return n;
}
