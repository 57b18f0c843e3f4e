import type { Command } from 'commander';
import { DEFAULT_FRAMEWORK_ID } from '../../shared/contracts/assessments';
import { requirementIndex } from '../core/catalog';
import { seededRng } from '../core/demo';
import { importFilesAllOrNothing, seedEvidenceDemo } from '../core/evidence';
import { openCore, reportAndExit } from './common';

interface ImportOpts {
  dataDir?: string;
  engagement: string;
  requirement?: string;
  progress?: boolean;
}

/** `assay evidence import`: files into the vault from the command line (scripts, tests, bench). */
export function registerEvidence(program: Command): void {
  const evidence = program.command('evidence').description('Evidence vault commands');
  evidence
    .command('import')
    .description("Import files into an engagement's evidence vault")
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .requiredOption('--engagement <id>', 'engagement id')
    .option(
      '--requirement <id>',
      'link each file to this requirement (e.g. iso-iec-42001-2023:A.7.5)',
    )
    .option('--progress', 'print "progress <done> <total>" lines while copying')
    .argument('<files...>', 'files to import')
    .action(async (files: string[], opts: ImportOpts) => runImport(files, opts));
  // Hidden: fills one engagement's vault with the demo files (screenshots, manual checks).
  evidence
    .command('demo', { hidden: true })
    .option('--data-dir <dir>', 'data directory')
    .requiredOption('--engagement <id>', 'engagement id')
    .action(async (opts: { dataDir?: string; engagement: string }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const { assessable } = requirementIndex(core.ctx, DEFAULT_FRAMEWORK_ID);
          const seeded = await seedEvidenceDemo(core.ctx, {
            engagementId: opts.engagement,
            requirementIds: assessable.map((r) => r.id),
            findingIds: [],
            rng: seededRng(42),
          });
          process.stdout.write(`demo evidence: ${seeded.evidence} files\n`);
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}

async function runImport(files: string[], opts: ImportOpts): Promise<void> {
  try {
    const core = await openCore(opts.dataDir);
    try {
      if (opts.progress) {
        core.events.subscribe((name, payload) => {
          if (name !== 'progress') return;
          const p = payload as { done: number; total: number };
          process.stdout.write(`progress ${p.done} ${p.total}\n`);
        });
      }
      // All or nothing: a refused or failing file leaves none of the others imported.
      const items = await importFilesAllOrNothing(core.ctx, files, {
        engagementId: opts.engagement,
        requirementId: opts.requirement,
      });
      for (const item of items)
        process.stdout.write(`imported ${item.id} ${item.sha256} ${item.originalName}\n`);
    } finally {
      core.close();
    }
  } catch (error) {
    reportAndExit(error);
  }
}
