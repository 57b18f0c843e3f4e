/** The words of the management-review minutes (ISO/IEC 42001 9.3), for both renderers. */
import type {
  ManagementReview,
  ReviewInputs,
} from '../../../../shared/contracts/management-reviews';
import { findingGradeLabels } from '../../../../shared/domain/assessment';
import { actionStatusLabels, actionStatuses } from '../../../../shared/rules/corrective-actions';
import type { RecordBlock, RecordDocument, RecordSection } from '../record/types';
import { madeBy, type RecordMaker } from './record';

export interface MinutesData extends RecordMaker {
  review: ManagementReview;
  /** The inputs reviewed: frozen with the review when it was held. */
  inputs: ReviewInputs;
}

export const minutesTitle = 'Management review minutes';

const percent = (score: number | null) => (score === null ? '—' : `${Math.round(score * 100)} %`);
const sub = (text: string): RecordBlock => ({ kind: 'subheading', text });
const text = (t: string): RecordBlock => ({ kind: 'text', text: t });

function inputsReviewed(i: ReviewInputs): RecordBlock[] {
  const ca = i.correctiveActions;
  return [
    text(
      `Compiled by Assay on ${i.compiledAt.slice(0, 10)} from its records${i.since ? ` since the review held on ${i.since}` : ' (no earlier review)'}.`,
    ),
    sub('Actions from previous reviews'),
    i.previousActions.length === 0
      ? text('No earlier review recorded decisions or actions.')
      : {
          kind: 'table',
          table: {
            columns: [
              { title: 'Decision or action', width: '*' },
              { title: 'Owner', width: 100 },
              { title: 'Due', width: 60 },
              { title: 'Status', width: 56 },
            ],
            rows: i.previousActions.map((a) => [
              `${a.text}\n(${a.review})`,
              a.owner || '—',
              a.dueDate ?? '—',
              a.status === 'done' ? 'Done' : a.overdue ? 'Overdue' : 'Open',
            ]),
          },
        },
    sub('Nonconformities and findings'),
    {
      kind: 'table',
      table: {
        columns: [
          { title: 'Grade', width: '*' },
          { title: 'Raised', width: 60 },
          { title: 'Closed', width: 60 },
          { title: 'Open', width: 60 },
        ],
        rows: i.findings.map((f) => [
          findingGradeLabels[f.grade],
          String(f.raised),
          String(f.closed),
          String(f.open),
        ]),
      },
    },
    sub('Corrective actions'),
    {
      kind: 'pairs',
      pairs: [
        ...actionStatuses.map((s): [string, string] => [
          actionStatusLabels[s],
          String(ca.byStatus[s] ?? 0),
        ]),
        ['Overdue', String(ca.overdue)],
      ],
    },
    sub('Audit results'),
    i.audits.length === 0
      ? text('No internal audit completed in the period.')
      : {
          kind: 'bullets',
          items: i.audits.map(
            (a) =>
              `${a.title}${a.heldFrom ? ` (${a.heldFrom})` : ''}: ${a.conclusion || 'no conclusion recorded'}${a.independenceIssues > 0 ? ` — ${a.independenceIssues} independence issue(s)` : ''}`,
          ),
        },
    sub('Monitoring: readiness over the cycles'),
    i.readiness.length === 0
      ? text('No assessment yet.')
      : {
          kind: 'bullets',
          items: i.readiness.map(
            (p) => `${p.title}: ${percent(p.score)}, ${p.openFindings} open finding(s)`,
          ),
        },
    sub('Risks and impact assessments'),
    text(
      `${i.risks.total} risk(s) on the register${i.risks.byBand.length ? ` (${i.risks.byBand.map((b) => `${b.count} ${b.band}`).join(', ')})` : ''}; since the last review ${i.risks.added} added, ${i.risks.removed} removed, ${i.risks.raised} raised, ${i.risks.lowered} lowered; ${i.impactAssessmentsChanged} impact-assessment change(s).`,
    ),
    sub('Opportunities for improvement'),
    i.opportunities.length === 0
      ? text('No open improvement finding.')
      : { kind: 'bullets', items: i.opportunities.map((o) => `${o.ref} ${o.statement}`) },
  ];
}

/** The minutes as a record to sign: the meeting, what it reviewed, and what it decided. */
export function minutesDocument(d: MinutesData): RecordDocument {
  const r = d.review;
  const added: [string, string][] = [
    ['Changes in internal and external issues', r.issuesChanges],
    ['Feedback from interested parties', r.interestedParties],
    ['Adequacy of resources', r.resources],
    ['Further opportunities for improvement', r.opportunities],
    ['Other inputs', r.otherInputs],
  ];
  const sections: RecordSection[] = [
    {
      title: 'The meeting',
      blocks: [
        {
          kind: 'pairs',
          pairs: [
            ['Held on', r.heldOn ?? '—'],
            ['Chair', r.chair],
            ['Attendees', r.attendees.join(', ')],
          ],
        },
      ],
    },
    { title: 'Inputs compiled by Assay', blocks: inputsReviewed(d.inputs) },
    {
      title: 'Inputs brought by the organisation',
      blocks: added.flatMap(([label, value]) => [sub(label), text(value.trim() || '—')]),
    },
    {
      title: 'Decisions and actions',
      blocks:
        r.decisions.length === 0
          ? [text('The review recorded no decision or action.')]
          : [
              {
                kind: 'table',
                table: {
                  columns: [
                    { title: 'Decision or action', width: '*' },
                    { title: 'Owner', width: 110 },
                    { title: 'Due', width: 60 },
                    { title: 'Status', width: 50 },
                  ],
                  rows: r.decisions.map((x) => [
                    x.text,
                    x.owner || '—',
                    x.dueDate ?? '—',
                    x.status === 'done' ? 'Done' : 'Open',
                  ]),
                },
              },
            ],
    },
  ];
  return {
    kind: 'review-minutes',
    title: minutesTitle,
    subject: r.title,
    ...madeBy(d, 'management review'),
    facts: [
      ['Organisation', d.clientName],
      ['Review', r.title],
      ['Held on', r.heldOn ?? '—'],
    ],
    sections,
    attests: `These minutes record the management review “${r.title}” of ${d.clientName}’s AI management system (ISO/IEC 42001 9.3): the inputs it reviewed, as compiled when it was held, and its decisions and actions.`,
  };
}
