import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { evidenceClassifications, evidenceStatuses } from '../../../shared/rules/evidence-status';
import type { CoreContext } from '../context';
import type { DemoPick } from '../risks';
import { updateEvidence } from './edit';
import { linkEvidence } from './links';
import { barChartPng, makePdf } from './demo-files';
import { importFile } from './import';

/** What the demo orchestrator tells this room's seed (a part of its DemoScope). */
export interface EvidenceDemoScope {
  engagementId: string;
  requirementIds: string[];
  findingIds: string[];
  /** Deterministic randomness (0 ≤ n < 1) so the demo is the same every time. */
  rng: () => number;
  /** Picks one of the items with one draw of `rng` (made from `rng` when not given). */
  pick?: DemoPick;
}

const people = [
  'Ana Ruiz (CISO)',
  'Tom Becker (Head of Data)',
  'Mei Lin (ML lead)',
  'Priya Nair (DPO)',
];
const topics = [
  'AI policy',
  'AI risk register',
  'Data inventory',
  'Model card — credit scoring',
  'Impact assessment — fraud model',
  'Supplier due diligence',
  'Training records',
  'Incident log',
  'Management review minutes',
  'Internal audit plan',
];

/** The demo's files: text, Markdown, CSV, JSON, PNG charts and small PDFs, all real and valid. */
function demoFiles(rng: () => number, pick: DemoPick): { name: string; bytes: Buffer | string }[] {
  const files: { name: string; bytes: Buffer | string }[] = [];
  topics.forEach((topic, i) => {
    const year = 2025 + (i % 2);
    files.push({
      name: `${topic}.md`,
      bytes: `# ${topic}\n\nVersion ${1 + (i % 3)}.${i}, approved ${year}-0${1 + (i % 9)}-15.\n\n## Purpose\n\nDescribes how the organisation handles ${topic.toLowerCase()} for its AI systems.\n\n- Owner: ${pick(people)}\n- Review: yearly\n`,
    });
    files.push({
      name: `${topic} ${year}.csv`,
      bytes: `id,item,owner,status\n${Array.from({ length: 5 + i }, (_, n) => `${n + 1},${topic} entry ${n + 1},${pick(people).split(' (')[0]},${pick(['open', 'done', 'in progress'])}`).join('\n')}\n`,
    });
  });
  files.push({
    name: 'model-card-credit.json',
    bytes: JSON.stringify(
      {
        model: 'credit-score-v4',
        owner: 'Risk analytics',
        metrics: { auc: 0.81, psi: 0.04 },
        limitations: ['thin-file applicants'],
      },
      null,
      2,
    ),
  });
  files.push({
    name: 'interview notes.txt',
    bytes: 'Interview with the ML lead.\nModel changes go through the change board since March.\n',
  });
  for (const [i, name] of [
    'Bias metrics by segment.png',
    'Monitoring dashboard.png',
    'Drift chart Q3.png',
  ].entries()) {
    files.push({
      name,
      bytes: barChartPng(Array.from({ length: 6 + i }, () => 0.2 + rng() * 0.8)),
    });
  }
  for (const [i, name] of [
    'AI policy (signed).pdf',
    'Supplier certificate.pdf',
    'Audit report 2025.pdf',
  ].entries()) {
    files.push({
      name,
      bytes: makePdf(name.replace(/\.pdf$/, ''), [
        [
          `Document ${i + 1} of the demo evidence.`,
          'Issued by Northwind Analytics.',
          `Reference ND-${1000 + i}`,
        ],
        ['Page two: scope and signatures.'],
      ]),
    });
  }
  return files;
}

/** A demo file to import: its name and bytes. */
export interface DemoFile {
  name: string;
  bytes: Buffer | string;
}

/**
 * Imports `files` through the normal streaming import into the engagement's vault, gives each
 * varied metadata, links it to `links` requirements (one draw each) and now and then a finding.
 */
export async function importDemoFiles(
  ctx: CoreContext,
  options: EvidenceDemoScope,
  files: DemoFile[],
  links: (rng: () => number) => number,
): Promise<EvidenceItem[]> {
  const { rng } = options;
  const pick: DemoPick = options.pick ?? ((items) => items[Math.floor(rng() * items.length)]!);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-demo-evidence-'));
  const items: EvidenceItem[] = [];
  try {
    for (const file of files) {
      const source = path.join(dir, file.name);
      fs.writeFileSync(source, file.bytes);
      const item = await importFile(ctx, source, { engagementId: options.engagementId });
      const status = pick(evidenceStatuses.filter((s) => s !== 'requested'));
      // A few certificates and records ran out last year: they show as expired.
      const validUntil = rng() < 0.15 ? '2025-06-30' : rng() < 0.5 ? '2027-12-31' : null;
      updateEvidence(ctx, {
        id: item.id,
        title: item.title,
        description: `Provided during the document review of ${file.name}.`,
        providedBy: pick(people),
        collectedOn: `2026-0${1 + Math.floor(rng() * 3)}-1${Math.floor(rng() * 9)}`,
        owner: pick(people).split(' (')[0] ?? '',
        validUntil,
        // Long-lived documents carry a review date; the policy's passed in September (stale).
        reviewDue: validUntil === '2027-12-31' ? '2026-09-30' : null,
        classification: pick(evidenceClassifications),
        status,
      });
      const count = options.requirementIds.length === 0 ? 0 : links(rng);
      for (let i = 0; i < count; i += 1) {
        linkEvidence(ctx, {
          evidenceId: item.id,
          requirementId: pick(options.requirementIds),
        });
      }
      if (options.findingIds.length > 0 && rng() < 0.25) {
        linkEvidence(ctx, { evidenceId: item.id, findingId: pick(options.findingIds) });
      }
      items.push(item);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
  return items;
}

/**
 * Fills the vault of a demo engagement: a few dozen small real files written to a temp folder,
 * imported through the normal streaming import, given varied metadata and linked to the given
 * requirements and findings. `assay demo` calls it.
 */
export async function seedEvidenceDemo(
  ctx: CoreContext,
  options: EvidenceDemoScope,
): Promise<{ evidence: number; items: EvidenceItem[] }> {
  const { rng } = options;
  // The orchestrator passes its pick; tools and tests that give only rng draw the same way.
  const pick: DemoPick = options.pick ?? ((items) => items[Math.floor(rng() * items.length)]!);
  const items = await importDemoFiles(
    ctx,
    { ...options, pick },
    demoFiles(rng, pick),
    (r) => 1 + Math.floor(r() * 2),
  );
  return { evidence: items.length, items };
}
