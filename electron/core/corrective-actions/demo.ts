import type { CoreContext } from '../context';
import { getFinding } from '../findings';
import { acceptFinding, reviewAction, saveAction } from './write';

interface Scope {
  findingIds: string[];
  /** How many of the open findings to fix and verify effective first (last year's, fixed this year). */
  fixed?: number;
}

const releasePlan = {
  correction: 'Paused the release of the affected model until a reviewer signed off the change.',
  rootCauseMethod: 'five-whys' as const,
  whys: [
    'The model went live without the documented check.',
    'The release checklist did not name the check.',
    'The checklist predates the AI policy.',
    'Nobody owns the checklist since the team was reorganised.',
  ],
  causeCategories: [],
  rootCause: 'The release checklist has no owner, so it missed the policy change.',
  action:
    'Name an owner for the release checklist, add the AI check to it, and review the checklist whenever the AI policy changes.',
};

const recordsPlan = {
  correction: 'Collected the missing records for the last two quarters.',
  rootCauseMethod: 'cause-categories' as const,
  whys: [],
  causeCategories: ['process' as const, 'people' as const],
  rootCause:
    'The procedure says what to record but not who records it, and new staff were not shown it.',
  action:
    'Assign the record keeping to the system owner in the procedure and add it to the induction for new staff.',
};

/**
 * Corrective actions in every state for the demo's findings: verified effective (for each
 * finding the demo raised as closed), awaiting review, found not effective, accepted with a
 * reason, and open — one of them overdue. Written through the room's own services, so every
 * closure goes the one way a user's does.
 */
export function seedCorrectiveActionsDemo(ctx: CoreContext, scope: Scope): { actions: number } {
  const findings = scope.findingIds.map((id) => getFinding(ctx, id));
  const closed = findings.filter((f) => f.status === 'closed');
  // Nonconformities first: they are what corrective actions are for.
  const rank = { major: 0, minor: 1, observation: 2, improvement: 3 };
  const open = findings
    .filter((f) => f.status !== 'closed')
    .sort((x, y) => rank[x.grade] - rank[y.grade]);
  let actions = 0;
  const plan = (findingId: string, i: number, extra: { dueDate: string; completedOn?: string }) => {
    const base = i % 2 === 0 ? releasePlan : recordsPlan;
    saveAction(ctx, {
      findingId,
      ...base,
      owner: getFinding(ctx, findingId).owner || 'Quality lead',
      completionEvidence: extra.completedOn
        ? 'Updated procedure (version 3) and the sign-off records of the last releases.'
        : '',
      dueDate: extra.dueDate,
      completedOn: extra.completedOn ?? null,
    });
    actions += 1;
  };
  const fixed = open.slice(0, scope.fixed ?? 0);
  const rest = open.slice(fixed.length);
  const verify = (f: (typeof findings)[number], i: number) => {
    plan(f.id, i, { dueDate: '2026-08-31', completedOn: '2026-08-20' });
    reviewAction(ctx, {
      findingId: f.id,
      reviewedOn: '2026-09-25',
      reviewer: 'Internal audit lead',
      effective: true,
      notes: 'Sampled the records since the change: every one is complete.',
    });
  };
  [...closed, ...fixed].forEach(verify);
  const [awaiting, notEffective, accepted, overdue, onTime] = rest;
  if (awaiting) plan(awaiting.id, 0, { dueDate: '2026-09-30', completedOn: '2026-09-28' });
  if (notEffective) {
    plan(notEffective.id, 1, { dueDate: '2026-09-15', completedOn: '2026-09-10' });
    reviewAction(ctx, {
      findingId: notEffective.id,
      reviewedOn: '2026-10-01',
      reviewer: 'Internal audit lead',
      effective: false,
      notes: 'Two of the five records sampled since the change are still missing: act again.',
    });
  }
  if (accepted) {
    acceptFinding(ctx, {
      findingId: accepted.id,
      reason:
        'The system concerned is retired at the end of the year; top management accepted the gap until then.',
    });
    actions += 1;
  }
  if (overdue) plan(overdue.id, 0, { dueDate: '2026-09-30' });
  if (onTime) plan(onTime.id, 1, { dueDate: '2027-03-31' });
  return { actions };
}
