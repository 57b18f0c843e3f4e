import type { CoreContext } from '../context';
import { demoPlanFor, getFinding } from '../findings';
import { acceptFinding, reviewAction, saveAction } from './write';

interface Scope {
  findingIds: string[];
  /** How many of the open findings to fix and verify effective first (last year's, fixed this year). */
  fixed?: number;
}

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
  // Each action is written for its finding's requirement (a release gate for a risk assessment,
  // data records for data provenance …), never a text from an unrelated area.
  const plan = (findingId: string, extra: { dueDate: string; completedOn?: string }) => {
    const finding = getFinding(ctx, findingId);
    const { completion, ...texts } = demoPlanFor(finding.requirementRef, finding.requirementTitle);
    saveAction(ctx, {
      findingId,
      ...texts,
      owner: finding.owner || 'Quality lead',
      completionEvidence: extra.completedOn ? completion : '',
      dueDate: extra.dueDate,
      completedOn: extra.completedOn ?? null,
    });
    actions += 1;
  };
  const fixed = open.slice(0, scope.fixed ?? 0);
  const rest = open.slice(fixed.length);
  const verify = (f: (typeof findings)[number]) => {
    plan(f.id, { dueDate: '2026-08-31', completedOn: '2026-08-20' });
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
  if (awaiting) plan(awaiting.id, { dueDate: '2026-09-30', completedOn: '2026-09-28' });
  if (notEffective) {
    plan(notEffective.id, { dueDate: '2026-09-15', completedOn: '2026-09-10' });
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
  if (overdue) plan(overdue.id, { dueDate: '2026-09-30' });
  if (onTime) plan(onTime.id, { dueDate: '2027-03-31' });
  return { actions };
}

/** A demo action just started for a finding: planned, owned, not yet carried out. */
export function raiseDemoAction(ctx: CoreContext, findingId: string, dueDate: string): void {
  const finding = getFinding(ctx, findingId);
  const { completion: _completion, ...texts } = demoPlanFor(
    finding.requirementRef,
    finding.requirementTitle,
  );
  saveAction(ctx, {
    findingId,
    ...texts,
    owner: finding.owner || 'Quality lead',
    completionEvidence: '',
    dueDate,
    completedOn: null,
  });
}
