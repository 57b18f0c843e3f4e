import { and, eq, inArray, isNotNull, ne } from 'drizzle-orm';
import type { EvidenceFreshnessRow } from '../../../shared/contracts/cycle';
import { evidenceFreshness } from '../../../shared/rules/evidence-freshness';
import { localDate } from '../../../shared/rules/evidence-status';
import { inScope } from '../../../shared/rules/scope';
import type { Assessment } from '../../../shared/contracts/assessments';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { evidenceItems, evidenceLinks } = schema;

const order = { expired: 0, stale: 1, expiring: 2, current: 3 };

/**
 * Evidence of the engagement linked to requirements, each item once with the refs it supports
 * and how fresh it is. Evidence belongs to the engagement, not to one assessment: a file linked
 * last cycle is linked in this one too, which is exactly why its age and expiry must show.
 * Rejected items are left out — nobody relies on them.
 */
export function linkedEvidence(
  ctx: CoreContext,
  assessment: Assessment,
  requirementIds?: readonly string[],
): EvidenceFreshnessRow[] {
  const index = requirementIndex(ctx, assessment.frameworkId);
  const rows = ctx.store.db
    .select({
      id: evidenceItems.id,
      title: evidenceItems.title,
      status: evidenceItems.status,
      collectedOn: evidenceItems.collectedOn,
      validUntil: evidenceItems.validUntil,
      reviewDue: evidenceItems.reviewDue,
      createdAt: evidenceItems.createdAt,
      requirementId: evidenceLinks.requirementId,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(
      and(
        eq(evidenceItems.engagementId, assessment.engagementId),
        ne(evidenceItems.status, 'rejected'),
        requirementIds
          ? inArray(evidenceLinks.requirementId, [...requirementIds])
          : isNotNull(evidenceLinks.requirementId),
      ),
    )
    .all();
  const today = localDate(new Date(ctx.now()));
  const byItem = new Map<string, EvidenceFreshnessRow>();
  for (const row of rows) {
    const ref = row.requirementId ? index.byId.get(row.requirementId)?.ref : undefined;
    if (!ref || !inScope(ref, assessment.excludedAreas)) continue;
    const known = byItem.get(row.id);
    if (known) {
      if (!known.refs.includes(ref)) known.refs.push(ref);
      continue;
    }
    const fresh = evidenceFreshness(row, today);
    byItem.set(row.id, {
      id: row.id,
      title: row.title,
      status: row.status,
      collectedOn: row.collectedOn,
      validUntil: row.validUntil,
      reviewDue: row.reviewDue,
      ageDays: fresh.ageDays,
      freshness: fresh.state,
      reason: fresh.reason,
      refs: [ref],
    });
  }
  return [...byItem.values()].sort(
    (a, b) => order[a.freshness] - order[b.freshness] || a.title.localeCompare(b.title),
  );
}

/** What the readiness screen warns about: evidence in scope that is expired, stale or expiring. */
export function evidenceWarnings(ctx: CoreContext, assessment: Assessment): EvidenceFreshnessRow[] {
  return linkedEvidence(ctx, assessment).filter((e) => e.freshness !== 'current');
}
