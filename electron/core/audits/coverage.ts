import { and, desc, eq } from 'drizzle-orm';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type { ProgrammeCoverage } from '../../../shared/contracts/audits';
import { coverageMap, coverageSummary } from '../../../shared/rules/audit-programme';
import { isAnnexA } from '../../../shared/rules/scope';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { getProgramme, listAudits } from './queries';

const { assessments, auditChecklistItems, soaEntries } = schema;

/**
 * Requirement ids each audit's checklist marks "not audited": a completed audit did not cover
 * them after all, whatever its plan said.
 */
function notAudited(ctx: CoreContext, auditIds: string[]): Map<string, Set<string>> {
  const skipped = new Map<string, Set<string>>();
  for (const auditId of auditIds) {
    const rows = ctx.store.db
      .select({ requirementId: auditChecklistItems.requirementId })
      .from(auditChecklistItems)
      .where(
        and(
          eq(auditChecklistItems.auditId, auditId),
          eq(auditChecklistItems.verdict, 'not-audited'),
        ),
      )
      .all();
    skipped.set(auditId, new Set(rows.map((r) => r.requirementId)));
  }
  return skipped;
}

/**
 * Controls the engagement's newest assessment excludes in its SoA: they need no audit. Clauses
 * always do.
 */
function excludedControls(ctx: CoreContext, engagementId: string): Set<string> {
  const newest = ctx.store.db
    .select({ id: assessments.id })
    .from(assessments)
    .where(eq(assessments.engagementId, engagementId))
    .orderBy(desc(assessments.createdAt))
    .get();
  if (!newest) return new Set();
  const rows = ctx.store.db
    .select({ requirementId: soaEntries.requirementId, applicable: soaEntries.applicable })
    .from(soaEntries)
    .where(eq(soaEntries.assessmentId, newest.id))
    .all();
  return new Set(rows.filter((r) => !r.applicable).map((r) => r.requirementId));
}

/** Which requirement the programme audited when, what is planned, and what is not yet covered. */
export function programmeCoverage(ctx: CoreContext, programmeId: string): ProgrammeCoverage {
  const programme = getProgramme(ctx, programmeId);
  const excluded = excludedControls(ctx, programme.engagementId);
  const requirements = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID).assessable;
  const idOf = new Map(requirements.map((r) => [r.ref, r.id]));
  const audits = listAudits(ctx, programmeId);
  const skipped = notAudited(
    ctx,
    audits.map((a) => a.id),
  );
  const refOf = new Map(requirements.map((r) => [r.id, r.ref]));
  const rows = coverageMap(
    requirements.map((r) => ({
      ref: r.ref,
      title: r.title,
      annex: isAnnexA(r.ref),
      applicable: !excluded.has(r.id),
    })),
    audits.map((a) => {
      const out = [...(skipped.get(a.id) ?? [])].map((id) => refOf.get(id) ?? id);
      return {
        id: a.id,
        title: a.title,
        status: a.status,
        on: a.heldFrom ?? a.plannedOn,
        refs: a.status === 'completed' ? a.refs.filter((ref) => !out.includes(ref)) : a.refs,
      };
    }),
  ).map((row) => ({ requirementId: idOf.get(row.ref) ?? row.ref, ...row }));
  return { programme, rows, summary: coverageSummary(rows) };
}
