/** The corrective-action register in the PDF (words and columns in ../content/actions.ts). */
import { actionColumns, actionsIntro, noActions, withoutActionLine } from '../content/actions';
import type { ReportData } from '../types';
import { colour, h, s, table, type Node, type Pdf } from './kit';

/**
 * The corrective-action register (10.2) of this assessment's findings and those it carried: the
 * root cause, the action, its owner and due date, and how it ended — overdue ones marked.
 */
export function correctiveActions(P: Pdf, d: ReportData): Node[] {
  const a = d.actions;
  if (!a) return [];
  const missing = withoutActionLine(a);
  return [
    h(P.Text, { key: 'intro', style: s.p }, actionsIntro(a)),
    missing ? h(P.Text, { key: 'missing', style: [s.p, { color: colour.poor }] }, missing) : null,
    ...(a.rows.length === 0
      ? [h(P.Text, { key: 'none', style: s.muted }, noActions)]
      : table(P, actionColumns, a.rows, (r) => `${r.raisedIn}-${r.ref}`)),
  ];
}
