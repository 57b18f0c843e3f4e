/**
 * The large demo's first client keeps the vault a year of audit work leaves behind: monthly
 * records of the AI management system's routines (change board minutes, access reviews, model
 * monitoring exports, training attendance, supplier reviews, incident reviews), each a small real
 * file linked to the requirements it evidences. Seeded last, on its own generator, so nothing
 * the demo seeded before changes.
 */
import type { CoreContext } from '../context';
import { barChartPng, makePdf } from './demo-files';
import { importDemoFiles, type DemoFile, type EvidenceDemoScope } from './demo';

const routines = [
  { name: 'Change board minutes', kind: 'md' },
  { name: 'Access review', kind: 'csv' },
  { name: 'Model monitoring export', kind: 'csv' },
  { name: 'Drift and bias dashboard', kind: 'png' },
  { name: 'Responsible-AI training attendance', kind: 'csv' },
  { name: 'Supplier performance review', kind: 'pdf' },
  { name: 'AI incident review', kind: 'md' },
  { name: 'Data quality report', kind: 'pdf' },
] as const;

const months = ['2025-11', '2025-12', '2026-01', '2026-02', '2026-03', '2026-04', '2026-05'];
const teams = ['credit scoring', 'fraud detection', 'customer service assistant', 'document OCR'];

function routineFile(
  routine: (typeof routines)[number],
  month: string,
  team: string,
  rng: () => number,
): DemoFile {
  const title = `${routine.name} — ${team} — ${month}`;
  if (routine.kind === 'png')
    return { name: `${title}.png`, bytes: barChartPng(teams.map(() => 0.2 + rng() * 0.8)) };
  if (routine.kind === 'pdf')
    return {
      name: `${title}.pdf`,
      bytes: makePdf(title, [
        [
          `${routine.name} for the ${team} team, ${month}.`,
          'Prepared by the AI governance office.',
        ],
        [
          `Actions agreed: ${1 + Math.floor(rng() * 4)}; open from last month: ${Math.floor(rng() * 3)}.`,
        ],
      ]),
    };
  if (routine.kind === 'csv') {
    const rows = Array.from(
      { length: 4 + Math.floor(rng() * 8) },
      (_, n) =>
        `${n + 1},${team},${month}-${String(1 + n * 3).padStart(2, '0')},${rng() < 0.8 ? 'ok' : 'follow-up'}`,
    );
    return { name: `${title}.csv`, bytes: `row,team,date,outcome\n${rows.join('\n')}\n` };
  }
  const decisions = 1 + Math.floor(rng() * 3);
  return {
    name: `${title}.md`,
    bytes: `# ${title}\n\nAttendees: AI governance office, ${team} lead, risk office.\n\n${Array.from(
      { length: decisions },
      (_, n) => `- Decision ${n + 1}: recorded with its owner and due date.`,
    ).join('\n')}\n`,
  };
}

/** Imports one record per month, team and routine (224 files), each linked to two to four requirements. */
export async function seedEvidenceVaultDemo(
  ctx: CoreContext,
  options: EvidenceDemoScope,
): Promise<number> {
  const files = months.flatMap((month) =>
    teams.flatMap((team) => routines.map((r) => routineFile(r, month, team, options.rng))),
  );
  const items = await importDemoFiles(ctx, options, files, (rng) => 2 + Math.floor(rng() * 3));
  return items.length;
}
