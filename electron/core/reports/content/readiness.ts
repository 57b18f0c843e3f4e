/**
 * The words and tables of the certification-readiness sections (stage verdicts, gates,
 * documented information, consistency checks), for both renderers — the same rules and words as
 * the Readiness screen.
 */
import type { DocumentRow } from '../../../../shared/contracts/documents';
import type { ReadinessView } from '../../../../shared/contracts/readiness';
import { auditStageLabels } from '../../../../shared/catalog/guidance';
import { consistencyCheckIds, consistencyCheckLabels } from '../../../../shared/rules/consistency';
import { documentStatusLabels } from '../../../../shared/rules/documented-information';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { toldBlockers } from '../../../../shared/rules/stages';
import type { Column } from './columns';

/** Findings of one check listed before "and N more". */
const LISTED = 40;

export const certificationIntro =
  'Whether a certification body could take this organisation through each audit stage now. A gate that fails blocks the stages it names whatever the score; an assessment not fully assessed is incomplete, never "not ready" for its score.';

const stageNames = { 1: 'Stage 1 — documentation review', 2: 'Stage 2 — on-site audit' } as const;

export interface StageBlock {
  verdict: ReadinessView['stages'][number]['verdict'];
  verdictLabel: string;
  title: string;
  note: string;
  blockers: string[];
}

export const stageBlocks = (r: ReadinessView): StageBlock[] =>
  r.stages.map((stage) => ({
    verdict: stage.verdict,
    verdictLabel: verdictLabels[stage.verdict],
    title: `${stageNames[stage.stage]} (${auditStageLabels[stage.stage].toLowerCase()})`,
    note: stage.note,
    blockers: toldBlockers(stage.blockers).map((b) => `• ${b.reason}`),
  }));

export const gatesHeading = 'Gates before “ready”';

export const gateBlocks = (r: ReadinessView) =>
  r.gates.map((g) => ({
    id: g.id,
    passed: g.passed,
    mark: g.passed ? 'Holds' : 'Fails',
    label: g.label,
    rule: g.rule,
    blockers: g.blockers.map((b) => `• ${b.reason}`),
  }));

export function documentsIntro(documents: DocumentRow[]): string {
  const required = documents.filter((x) => x.required);
  const inPlace = required.filter((x) => x.status === 'in-place').length;
  return `What was seen of each item of mandatory documented information: ${inPlace} of ${required.length} required items are in place (they exist, are approved, are current and their review date has not passed). Items that depend on a control follow its SoA decision; an artefact shared by a clause and controls counts against one of them.`;
}

export const documentColumns: Column<DocumentRow>[] = [
  {
    title: 'Item',
    width: '*',
    cell: (x) =>
      x.label +
      (x.sharedWith.length > 0 ? `\nshared with ${x.sharedWith.join(', ')}` : '') +
      (x.record?.reference ? `\n${x.record.reference}` : ''),
  },
  { title: 'Requirement', width: 62, cell: (x) => `${x.ref}\nstage ${x.stage}` },
  { title: 'Status', width: 70, cell: (x) => documentStatusLabels[x.status] },
  { title: 'Owner', width: 90, cell: (x) => x.record?.owner || '—' },
  { title: 'Review', width: 56, cell: (x) => x.record?.reviewDate ?? '—' },
  { title: 'Evidence', width: 44, cell: (x) => String(x.evidence.length) },
];

export const consistencyAgreed =
  'The Statement of Applicability, the interview answers, the risk register and the AI system inventory agree with each other.';
export const consistencyIntro =
  'Records that contradict each other, as a certification auditor laying them side by side would find them. They do not decide the verdict; each needs an answer before the audit.';

/** The checks that found something, each with its first findings and what is left unsaid. */
export function consistencyGroups(
  checks: ReadinessView['checks'],
): { id: string; title: string; lines: string[]; more: string | null }[] {
  return consistencyCheckIds.flatMap((id) => {
    const found = checks.filter((c) => c.check === id);
    if (found.length === 0) return [];
    return [
      {
        id,
        title: `${consistencyCheckLabels[id]} (${found.length})`,
        lines: found.slice(0, LISTED).map((f) => `• ${f.message}`),
        more: found.length > LISTED ? `… and ${found.length - LISTED} more of this kind.` : null,
      },
    ];
  });
}
