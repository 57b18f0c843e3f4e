/** The words of the internal audit report (ISO/IEC 42001 9.2), for both renderers. */
import type { AuditChecklist, ChecklistLine } from '../../../../shared/contracts/audit-checklist';
import type { AuditProgramme } from '../../../../shared/contracts/audits';
import { findingGradeLabels } from '../../../../shared/domain/assessment';
import { checklistVerdictLabels } from '../../../../shared/rules/audit-checklist';
import { auditStatusLabels } from '../../../../shared/rules/audit-programme';
import { actionStatusLabels } from '../../../../shared/rules/corrective-actions';
import type { RecordBlock, RecordDocument, RecordSection } from '../record/types';
import { madeBy, type RecordMaker } from './record';

export interface AuditReportData extends RecordMaker {
  checklist: AuditChecklist;
  programme: AuditProgramme;
}

export const auditReportTitle = 'Internal audit report';

const list = (items: string[]) => items.join(', ') || '—';

function held(c: AuditChecklist): string {
  const { heldFrom, heldTo, plannedOn } = c.audit;
  if (!heldFrom) return plannedOn ? `planned for ${plannedOn}` : 'not held yet';
  return heldTo && heldTo !== heldFrom ? `${heldFrom} to ${heldTo}` : heldFrom;
}

function independence(c: AuditChecklist): RecordBlock[] {
  if (c.audit.independence.length === 0)
    return [{ kind: 'text', text: 'No auditor audited an area they are responsible for.' }];
  return [
    {
      kind: 'text',
      text: 'These auditors audited areas they are responsible for; their conclusions on those areas are to be read with that in mind:',
    },
    {
      kind: 'bullets',
      items: c.audit.independence.map((i) => `${i.auditor}: ${i.refs.join(', ')}`),
    },
  ];
}

const lineNotes = (l: ChecklistLine) => {
  const a = l.answer;
  if (!a) return 'Not answered';
  const evidence = a.evidence.length
    ? `\nEvidence: ${a.evidence.map((e) => e.title).join('; ')}`
    : '';
  return `${a.notes}${evidence}`.trim() || '—';
};

function results(c: AuditChecklist): RecordBlock[] {
  const { counts, answered, total } = c.progress;
  const summary = `${total} requirement${total === 1 ? '' : 's'} in the audit's scope, ${answered} answered: ${counts.conformity} conformity, ${counts.nonconformity} nonconformity, ${counts.observation} observation, ${counts['not-audited']} not audited.`;
  return [
    { kind: 'text', text: summary },
    {
      kind: 'table',
      table: {
        columns: [
          { title: 'Ref', width: 44 },
          { title: 'Requirement', width: 130 },
          { title: 'Verdict', width: 74 },
          { title: 'What the auditor found', width: '*' },
        ],
        rows: c.lines.map((l) => [
          l.ref,
          l.title,
          l.answer ? checklistVerdictLabels[l.answer.verdict] : 'Not answered',
          lineNotes(l),
        ]),
      },
    },
  ];
}

function nonconformities(c: AuditChecklist): RecordBlock[] {
  if (c.findings.length === 0)
    return [{ kind: 'text', text: 'The audit raised no nonconformity.' }];
  return [
    {
      kind: 'text',
      text: `Each nonconformity is a finding in the findings log of ${[...new Set(c.findings.map((f) => `“${f.assessmentTitle}”`))].join(' and ')}, where its corrective action is followed to closure.`,
    },
    {
      kind: 'table',
      table: {
        columns: [
          { title: 'Finding', width: 44 },
          { title: 'Grade', width: 70 },
          { title: 'Ref', width: 44 },
          { title: 'Statement', width: '*' },
          { title: 'Corrective action', width: 120 },
        ],
        rows: c.findings.map((f) => [
          f.ref,
          findingGradeLabels[f.grade],
          f.requirementRef,
          f.statement,
          f.actionStatus
            ? [
                actionStatusLabels[f.actionStatus],
                f.actionOwner,
                f.actionDue ? `due ${f.actionDue}` : '',
              ]
                .filter(Boolean)
                .join('\n')
            : 'None raised yet',
        ]),
      },
    },
  ];
}

function remarks(c: AuditChecklist, verdict: 'observation' | 'not-audited', none: string) {
  const lines = c.lines.filter((l) => l.answer?.verdict === verdict);
  return lines.length === 0
    ? [{ kind: 'text' as const, text: none }]
    : [
        {
          kind: 'bullets' as const,
          items: lines.map((l) => `${l.ref} ${l.title}: ${l.answer?.notes ?? ''}`),
        },
      ];
}

/** The internal audit report as a record to sign: details, results, findings, conclusion. */
export function auditReportDocument(d: AuditReportData): RecordDocument {
  const { audit } = d.checklist;
  const sections: RecordSection[] = [
    {
      title: 'The audit',
      blocks: [
        {
          kind: 'pairs',
          pairs: [
            [
              'Programme',
              `${d.programme.title} (${d.programme.periodStart} to ${d.programme.periodEnd})`,
            ],
            ['Scope', audit.scope],
            ['Criteria', audit.criteria],
            ['Held', held(d.checklist)],
            ['Status', auditStatusLabels[audit.status]],
            ['Auditors', list(audit.auditors.map((a) => a.name))],
            ['Auditees', list(audit.auditees)],
            ['Requirements', list(audit.refs)],
          ],
        },
        { kind: 'subheading', text: 'Independence of the auditors' },
        ...independence(d.checklist),
      ],
    },
    { title: 'Results by requirement', blocks: results(d.checklist) },
    { title: 'Nonconformities', blocks: nonconformities(d.checklist) },
    {
      title: 'Observations and what was not audited',
      blocks: [
        { kind: 'subheading', text: 'Observations' },
        ...remarks(d.checklist, 'observation', 'No observation recorded.'),
        { kind: 'subheading', text: 'Not audited' },
        ...remarks(d.checklist, 'not-audited', 'Every requirement in scope was audited.'),
      ],
    },
    {
      title: 'Conclusion',
      blocks: [{ kind: 'text', text: audit.conclusion || 'No conclusion recorded.' }],
    },
  ];
  return {
    kind: 'audit-report',
    title: auditReportTitle,
    subject: audit.title,
    ...madeBy(d, 'internal audit'),
    facts: [
      ['Organisation', d.clientName],
      ['Audit', audit.title],
      ['Held', held(d.checklist)],
    ],
    sections,
    attests: `This report records the internal audit “${audit.title}” of ${d.clientName}’s AI management system (ISO/IEC 42001 9.2): what was audited, against what, by whom, and what was found.`,
  };
}
