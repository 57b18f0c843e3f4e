import type { Command } from 'commander';
import { listAssessments } from '../core/assessments';
import { openCore, reportAndExit } from './common';
import { formatTable } from './table';

export function registerAssessments(program: Command): void {
  program
    .command('assessments')
    .description('List assessments with their ids, engagement, status and progress')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option('--json', 'print JSON instead of a table')
    .action(async (opts: { dataDir?: string; json?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const items = listAssessments(core.ctx);
          if (opts.json) {
            process.stdout.write(`${JSON.stringify(items, null, 2)}\n`);
            return;
          }
          if (items.length === 0) {
            process.stdout.write('No assessments yet.\n');
            return;
          }
          const rows = items.map((a) => [
            a.id,
            a.clientName,
            a.title,
            a.status,
            `${a.progress.assessed}/${a.progress.total}`,
          ]);
          const header = ['ID', 'ENGAGEMENT', 'TITLE', 'STATUS', 'PROGRESS'];
          process.stdout.write(`${formatTable(header, rows)}\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}
