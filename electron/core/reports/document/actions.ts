import type { ReportData } from '../types';
import { colour, h, s, table, type Node, type Pdf } from './kit';

const statusColour: Record<string, string> = {
  effective: colour.good,
  accepted: colour.muted,
  'not-effective': colour.poor,
  'awaiting-review': colour.accent,
  open: colour.ink,
};

/**
 * The corrective-action register (10.2) of this assessment's findings and those it carried: the
 * root cause, the action, its owner and due date, and how it ended — overdue ones marked.
 */
export function correctiveActions(P: Pdf, d: ReportData): Node[] {
  const a = d.actions;
  if (!a) return [];
  const overdue = a.rows.filter((r) => r.daysOverdue > 0).length;
  const intro = h(
    P.Text,
    { key: 'intro', style: s.p },
    `A finding closes only when its corrective action is verified effective, or when it is accepted explicitly with a reason. ${a.rows.length} action${a.rows.length === 1 ? '' : 's'} answer the findings of this assessment and those carried from earlier cycles${overdue ? `; ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue` : ''}.`,
  );
  const missing =
    a.withoutAction.length > 0
      ? h(
          P.Text,
          { key: 'missing', style: [s.p, { color: colour.poor }] },
          `Nonconformities with no corrective action yet: ${a.withoutAction.join('; ')}.`,
        )
      : null;
  if (a.rows.length === 0) {
    return [
      intro,
      missing,
      h(P.Text, { key: 'none', style: s.muted }, 'No corrective action is recorded.'),
    ];
  }
  return [
    intro,
    missing,
    ...table(
      P,
      [
        {
          title: 'Finding',
          width: 80,
          cell: (r) => `${r.ref} · ${r.grade}\n${r.raisedIn}\n${r.requirementRef}`,
        },
        {
          title: 'Root cause and action',
          width: '*',
          cell: (r) =>
            [r.rootCause && `Cause: ${r.rootCause}`, r.action && `Action: ${r.action}`]
              .filter(Boolean)
              .join('\n') || '—',
        },
        {
          title: 'Owner, due',
          width: 80,
          cell: (r) =>
            `${r.owner || '—'}\n${r.dueDate ?? 'no date'}${r.daysOverdue > 0 ? `\n${r.daysOverdue} days overdue` : ''}`,
        },
        {
          title: 'Status',
          width: 120,
          cell: (r) =>
            h(
              P.Text,
              null,
              h(
                P.Text,
                { style: { color: statusColour[r.statusKey] ?? colour.ink, fontWeight: 'bold' } },
                r.status,
              ),
              r.closure ? `\n${r.closure}` : '',
            ),
        },
      ],
      a.rows,
      (r) => `${r.raisedIn}-${r.ref}`,
    ),
  ];
}
