import type { Command } from 'commander';
import { listAssessments } from '../core/assessments';
import { saveResponse } from '../core/responses';
import { requirementIndex } from '../core/catalog';
import { startCore } from '../core/start';
import { openCore, reportAndExit, resolveDataDir, version } from './common';

/**
 * Hidden commands the reliability tests drive as a separate process (so it can be killed).
 * `save-loop` commits answers one transaction at a time and acknowledges each commit on stdout.
 */
export function registerInternal(program: Command): void {
  const internal = program.command('internal', { hidden: true }).description('test support');
  internal
    .command('open')
    .description('open the store (running any pending migration) from another app root, then exit')
    .requiredOption('--data-dir <dir>')
    .requiredOption('--app-root <dir>')
    .action(async (opts: { dataDir: string; appRoot: string }) => {
      try {
        const core = await startCore({
          dataDir: resolveDataDir(opts.dataDir),
          appRoot: opts.appRoot,
          version,
          transport: 'http',
        });
        process.stdout.write(`opened, ${core.store.migration.applied} migration(s) applied\n`);
        core.close();
      } catch (error) {
        reportAndExit(error);
      }
    });
  internal
    .command('save-loop')
    .requiredOption('--data-dir <dir>')
    .requiredOption('--assessment <id>')
    .option('--count <n>', 'stop after n commits', (v) => Number(v), 1_000_000)
    .action(async (opts: { dataDir: string; assessment: string; count: number }) => {
      try {
        const core = await openCore(opts.dataDir);
        const assessment = listAssessments(core.ctx).find((a) => a.id === opts.assessment);
        if (!assessment)
          throw Object.assign(new Error('no such assessment'), { name: 'UsageError' });
        const requirements = requirementIndex(core.ctx, assessment.frameworkId).assessable;
        for (let i = 1; i <= opts.count; i += 1) {
          const requirement = requirements[i % requirements.length];
          if (!requirement) break;
          saveResponse(core.ctx, {
            assessmentId: opts.assessment,
            requirementId: requirement.id,
            result: i % 2 === 0 ? 'conformant' : 'partially-conformant',
            maturity: null,
            notes: `commit ${i}`,
            naJustification: '',
            interviewees: [],
            followUp: false,
            sessionId: null,
          });
          process.stdout.write(`ack ${i} ${requirement.id}\n`);
        }
        core.close();
      } catch (error) {
        reportAndExit(error);
      }
    });
}
