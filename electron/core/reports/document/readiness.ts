/**
 * The report's certification-readiness sections: the stage verdicts with what blocks each, the
 * gates, the documented-information register and the consistency checks — the same rules and
 * words as the Readiness screen (shared/rules/readiness.ts, shared/rules/consistency.ts).
 */
import { auditStageLabels } from '../../../../shared/catalog/guidance';
import { consistencyCheckIds, consistencyCheckLabels } from '../../../../shared/rules/consistency';
import { documentStatusLabels } from '../../../../shared/rules/documented-information';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { toldBlockers } from '../../../../shared/rules/stages';
import type { ReportData } from '../types';
import { colour, h, s, table, type Node, type Pdf } from './kit';

/** Findings of one check listed before "and N more". */
const LISTED = 40;

const verdictColour = {
  ready: colour.good,
  'nearly-ready': colour.fair,
  incomplete: colour.na,
  'not-ready': colour.poor,
};

const stageNames = { 1: 'Stage 1 — documentation review', 2: 'Stage 2 — on-site audit' } as const;

export function certification(P: Pdf, d: ReportData): Node[] {
  const r = d.readiness;
  if (!r) return [];
  const stages = r.stages.flatMap((stage) => [
    h(
      P.View,
      {
        key: `stage-${stage.stage}`,
        style: [s.row, { marginTop: 8, marginBottom: 3, alignItems: 'center' }],
        wrap: false,
      },
      h(
        P.Text,
        { style: [s.chip, { backgroundColor: verdictColour[stage.verdict], marginRight: 6 }] },
        verdictLabels[stage.verdict],
      ),
      h(
        P.Text,
        { style: [s.h3, { marginTop: 0, marginBottom: 0 }] },
        `${stageNames[stage.stage]} (${auditStageLabels[stage.stage].toLowerCase()})`,
      ),
    ),
    h(P.Text, { key: `note-${stage.stage}`, style: s.p }, stage.note),
    ...toldBlockers(stage.blockers).map((b, i) =>
      h(P.Text, { key: `b-${stage.stage}-${i}`, style: s.p }, `• ${b.reason}`),
    ),
  ]);
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      'Whether a certification body could take this organisation through each audit stage now. A gate that fails blocks the stages it names whatever the score; an assessment not fully assessed is incomplete, never "not ready" for its score.',
    ),
    ...stages,
    h(P.Text, { key: 'gates', style: s.h2 }, 'Gates before “ready”'),
    ...r.gates.map((g) =>
      h(
        P.View,
        { key: `gate-${g.id}`, style: { marginBottom: 6 } },
        h(
          P.View,
          { style: [s.row, { marginBottom: 2, alignItems: 'center' }], wrap: false },
          h(
            P.Text,
            {
              style: [
                s.chip,
                { backgroundColor: g.passed ? colour.good : colour.poor, marginRight: 6 },
              ],
            },
            g.passed ? 'Holds' : 'Fails',
          ),
          h(P.Text, { style: { fontWeight: 'bold' } }, g.label),
        ),
        h(P.Text, { style: [s.p, s.muted] }, g.rule),
        ...g.blockers.map((b, i) => h(P.Text, { key: String(i), style: s.p }, `• ${b.reason}`)),
      ),
    ),
  ];
}

export function documentedInformation(P: Pdf, d: ReportData): Node[] {
  if (d.documents.length === 0) return [];
  const required = d.documents.filter((x) => x.required);
  const inPlace = required.filter((x) => x.status === 'in-place').length;
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      `What was seen of each item of mandatory documented information: ${inPlace} of ${required.length} required items are in place (they exist, are approved, are current and their review date has not passed). Items that depend on a control follow its SoA decision; an artefact shared by a clause and controls counts against one of them.`,
    ),
    table(
      P,
      [
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
      ],
      [...d.documents],
      (x) => x.key,
    ),
  ];
}

export function consistency(P: Pdf, d: ReportData): Node[] {
  const checks = d.readiness?.checks ?? [];
  if (checks.length === 0) {
    return [
      h(
        P.Text,
        { key: 'none', style: s.p },
        'The Statement of Applicability, the interview answers, the risk register and the AI system inventory agree with each other.',
      ),
    ];
  }
  return [
    h(
      P.Text,
      { key: 'intro', style: s.p },
      'Records that contradict each other, as a certification auditor laying them side by side would find them. They do not decide the verdict; each needs an answer before the audit.',
    ),
    ...consistencyCheckIds.flatMap((id) => {
      const found = checks.filter((c) => c.check === id);
      if (found.length === 0) return [];
      return [
        h(
          P.Text,
          { key: `h-${id}`, style: s.h3 },
          `${consistencyCheckLabels[id]} (${found.length})`,
        ),
        ...found
          .slice(0, LISTED)
          .map((f, i) => h(P.Text, { key: `${id}-${i}`, style: s.p }, `• ${f.message}`)),
        ...(found.length > LISTED
          ? [
              h(
                P.Text,
                { key: `${id}-more`, style: s.small },
                `… and ${found.length - LISTED} more of this kind.`,
              ),
            ]
          : []),
      ];
    }),
  ];
}
