/** The words and columns of the corrective-action register (10.2), for both renderers. */
import { colour } from '../charts/colours';
import type { ReportActions } from '../types';
import type { Column } from './columns';

type ActionRow = ReportActions['rows'][number];

const statusColour = (key: string): string =>
  ({
    effective: colour.good,
    accepted: colour.muted,
    'not-effective': colour.poor,
    'awaiting-review': colour.accent,
  })[key] ?? colour.ink;

/** Whose findings the register answers: one assessment's (and those it carried), or every cycle's. */
export type ActionScope = 'assessment' | 'engagement';

const answered: Record<ActionScope, string> = {
  assessment: 'the findings of this assessment and those carried from earlier cycles',
  engagement: 'the findings of every assessment of this engagement',
};

export function actionsIntro(a: ReportActions, scope: ActionScope = 'assessment'): string {
  const overdue = a.rows.filter((r) => r.daysOverdue > 0).length;
  return `A finding closes only when its corrective action is verified effective, or when it is accepted explicitly with a reason. ${a.rows.length} action${a.rows.length === 1 ? '' : 's'} answer ${answered[scope]}${overdue ? `; ${overdue} ${overdue === 1 ? 'is' : 'are'} overdue` : ''}.`;
}

/** The open nonconformities nobody has answered yet, or null when every one has its action. */
export const withoutActionLine = (a: ReportActions): string | null =>
  a.withoutAction.length > 0
    ? `Nonconformities with no corrective action yet: ${a.withoutAction.join('; ')}.`
    : null;

export const noActions = 'No corrective action is recorded.';

export const actionColumns: Column<ActionRow>[] = [
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
    cell: (r) => r.closure,
    mark: (r) => ({ text: r.status, colour: statusColour(r.statusKey) }),
  },
];
