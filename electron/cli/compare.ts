import { InvalidArgumentError, type Command } from 'commander';
import { idSchema } from '../../shared/contracts/common';
import { compareAssessments } from '../core/comparison';
import { CommandFailure } from '../core/errors';
import { openCore, reportAndExit } from './common';
import { comparisonText } from './compare-text';

function assessmentId(value: string): string {
  if (!idSchema.safeParse(value).success) {
    throw new InvalidArgumentError('must be an assessment id (see "assay assessments").');
  }
  return value;
}

export function registerCompare(program: Command): void {
  program
    .command('compare')
    .description(
      'What changed between two assessments of an engagement: results per requirement, findings opened and closed, SoA and risk-level changes, and the score of each',
    )
    .argument('<a>', 'id of one assessment (see "assay assessments")', assessmentId)
    .argument('<b>', 'id of another assessment of the same engagement', assessmentId)
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option('--json', 'print JSON instead of tables')
    .action(async (a: string, b: string, opts: { dataDir?: string; json?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const comparison = compareAssessments(core.ctx, a, b);
          process.stdout.write(
            opts.json ? `${JSON.stringify(comparison, null, 2)}\n` : comparisonText(comparison),
          );
        } finally {
          core.close();
        }
      } catch (error) {
        if (error instanceof CommandFailure) {
          process.stderr.write(`assay: ${error.message}\n`);
          process.exit(1);
        }
        reportAndExit(error);
      }
    });
}
