import { and, count, eq, gt } from 'drizzle-orm';
import type { ReviewInputs } from '../../../shared/contracts/management-reviews';
import { findingGrades } from '../../../shared/domain/assessment';
import { riskChange } from '../../../shared/rules/comparison';
import { actionStatuses } from '../../../shared/rules/corrective-actions';
import { decisionOverdue, inputsSince } from '../../../shared/rules/management-review';
import { listAssessments } from '../assessments';
import { listAudits, listProgrammes } from '../audits';
import { readinessTrend, riskLevelsAt } from '../comparison';
import type { CoreContext } from '../context';
import { listActions } from '../corrective-actions';
import { schema } from '../db';
import { listFindings } from '../findings';
import { listRisks } from '../risks';
import { listReviews } from './queries';

const { auditLog } = schema;

/**
 * The inputs of the next management review, compiled from Assay's own records since the last
 * review held (or from the start): what top management has to look at, not a summary of opinion.
 */
export function compileInputs(ctx: CoreContext, engagementId: string): ReviewInputs {
  const now = ctx.now();
  const today = now.slice(0, 10);
  const reviews = listReviews(ctx, engagementId);
  const since = inputsSince(reviews);
  const after = (at: string | null) => at !== null && (since === null || at.slice(0, 10) > since);

  const previousActions = reviews
    .filter((r) => r.status === 'held')
    .flatMap((r) =>
      r.decisions.map((d) => ({
        review: r.title,
        ...d,
        overdue: decisionOverdue(d, today),
      })),
    );

  const findings = listAssessments(ctx, engagementId).flatMap((a) => listFindings(ctx, a.id));
  const byGrade = findingGrades.map((grade) => {
    const mine = findings.filter((f) => f.grade === grade);
    return {
      grade,
      raised: mine.filter((f) => after(f.createdAt)).length,
      closed: mine.filter((f) => after(f.closedAt)).length,
      open: mine.filter((f) => f.status !== 'closed').length,
    };
  });

  const actions = listActions(ctx, engagementId);
  const byStatus = Object.fromEntries(
    actionStatuses.map((s) => [s, actions.filter((a) => a.status === s).length]),
  ) as ReviewInputs['correctiveActions']['byStatus'];

  const audits = listProgrammes(ctx, engagementId)
    .flatMap((p) => listAudits(ctx, p.id))
    .filter((a) => a.status === 'completed' && after(a.heldFrom))
    .map((a) => ({
      title: a.title,
      heldFrom: a.heldFrom,
      conclusion: a.conclusion,
      independenceIssues: a.independence.length,
    }));

  const risks = listRisks(ctx, engagementId);
  const bands = new Map<string, number>();
  for (const r of risks) {
    const band = r.residualBand ?? r.inherentBand;
    bands.set(band, (bands.get(band) ?? 0) + 1);
  }
  const [then, nowLevels] = riskLevelsAt(ctx, engagementId, [since ?? '0000', now]);
  const changes = { raised: 0, lowered: 0, added: 0, removed: 0 };
  for (const id of new Set([...(then?.keys() ?? []), ...(nowLevels?.keys() ?? [])])) {
    const change = riskChange(then?.get(id) ?? null, nowLevels?.get(id) ?? null);
    if (change) changes[change] += 1;
  }

  const impact = ctx.store.db
    .select({ n: count() })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.scopeId, engagementId),
        eq(auditLog.entityType, 'impact_assessment'),
        gt(auditLog.at, since ?? '0000'),
      ),
    )
    .get();

  return {
    compiledAt: now,
    since,
    previousActions,
    findings: byGrade,
    correctiveActions: {
      byStatus,
      overdue: actions.filter((a) => a.daysOverdue > 0).length,
    },
    audits,
    readiness: readinessTrend(ctx, engagementId),
    risks: {
      total: risks.length,
      byBand: [...bands].map(([band, n]) => ({ band, count: n })),
      ...changes,
    },
    impactAssessmentsChanged: impact?.n ?? 0,
    opportunities: findings
      .filter((f) => f.grade === 'improvement' && f.status !== 'closed')
      .map((f) => ({ ref: f.ref, statement: f.statement })),
  };
}
