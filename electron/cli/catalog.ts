import type { Command } from 'commander';
import { getCatalog, listFrameworks } from '../core/catalog';
import { openCore, reportAndExit } from './common';
import type { CatalogView } from '../../shared/contracts/catalog';
import { bankCounts } from '../../shared/catalog/counts';

export function registerCatalog(program: Command): void {
  program
    .command('catalog')
    .description('Print the requirement tree of the loaded frameworks with counts')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option('--framework <id>', 'only this framework')
    .option('--summary', 'print the counts only')
    .action(async (opts: { dataDir?: string; framework?: string; summary?: boolean }) => {
      try {
        const core = await openCore(opts.dataDir);
        try {
          const frameworks = listFrameworks(core.ctx).filter(
            (f) => !opts.framework || f.id === opts.framework,
          );
          if (frameworks.length === 0)
            throw Object.assign(new Error(`No framework "${opts.framework}" is loaded.`), {
              name: 'UsageError',
            });
          for (const fw of frameworks)
            process.stdout.write(formatCatalog(getCatalog(core.ctx, fw.id), !opts.summary));
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}

/** Tree and counts; the counts line is what `assay catalog --summary` prints. */
export function formatCatalog(view: CatalogView, withTree: boolean): string {
  const lines: string[] = [];
  const fw = view.framework;
  lines.push(`${fw.name} — ${fw.title} (${fw.edition}; catalog revision ${fw.revision})`);
  if (withTree) {
    for (const r of view.requirements) {
      const indent = '  '.repeat(r.level);
      const mark = r.assessable ? ` [${r.guidance?.questions.length ?? 0} questions]` : '';
      lines.push(`${indent}${r.ref}  ${r.title}${mark}`);
    }
  }
  if (fw.purpose === 'reference') {
    lines.push(`Reference catalog, not assessable: ${referenceCounts(view)}`, '');
    return lines.join('\n');
  }
  const clauses = view.requirements.filter((r) => r.section === 'clauses');
  const controls = view.requirements.filter((r) => r.kind === 'control');
  const areas = view.requirements.filter((r) => r.kind === 'area');
  const questions = view.requirements.reduce((n, r) => n + (r.guidance?.questions.length ?? 0), 0);
  const bank = bankCounts(view);
  lines.push(
    `Clause entries (4–10): ${clauses.length} (${clauses.filter((c) => c.assessable).length} assessable)`,
    `Annex A controls: ${controls.length} in ${areas.length} areas`,
    `Assessable requirements: ${fw.assessableCount}; interview questions: ${questions}`,
    `Audit stages: ${bank.stage1Questions} stage-1 and ${bank.stage2Questions} stage-2 questions (${bank.soaQuestions} ask for an SoA entry)`,
    `Sampling plans: ${bank.samplingPlans}; nonconformity examples: ${bank.nonconformityExamples} major/minor pairs`,
    `Overlaps: ${bank.overlaps} (${bank.overlapArtefacts} shared artefacts); scoping questions: ${bank.scopingQuestions}`,
    `Annex C: ${view.annexC.objectives.length} objectives, ${view.annexC.riskSources.length} risk sources`,
    '',
  );
  return lines.join('\n');
}

/** "113 articles, 13 annexes …": entries per kind, in the order the catalog first uses them. */
function referenceCounts(view: CatalogView): string {
  const counts = new Map<string, number>();
  for (const r of view.requirements) counts.set(r.kind, (counts.get(r.kind) ?? 0) + 1);
  return [...counts].map(([kind, n]) => `${n} ${kindLabel(kind, n)}`).join(', ');
}

function kindLabel(kind: string, n: number): string {
  const label = kind.replace('-', ' ');
  if (n === 1) return label;
  if (label.endsWith('y')) return `${label.slice(0, -1)}ies`;
  return label.endsWith('x') ? `${label}es` : `${label}s`;
}
