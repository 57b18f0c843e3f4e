import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { SoaRow } from '../../../shared/contracts/soa';
import { assessmentRecord } from '../assessments';
import { requirementIndex } from '../catalog';
import { controlJustifications } from '../risks';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { suggestDecision } from './suggest';

const { soaEntries, responses, evidenceLinks, evidenceItems } = schema;

/** Groups rows by requirement id, keeping their order. */
function byRequirement<T extends { requirementId: string }>(
  rows: T[],
): Map<string, Omit<T, 'requirementId'>[]> {
  const grouped = new Map<string, Omit<T, 'requirementId'>[]>();
  for (const { requirementId, ...rest } of rows) {
    const list = grouped.get(requirementId) ?? [];
    list.push(rest);
    grouped.set(requirementId, list);
  }
  return grouped;
}

/** The engagement's evidence linked to each control. */
function evidenceByControl(ctx: CoreContext, engagementId: string) {
  const rows = ctx.store.db
    .selectDistinct({
      requirementId: sql<string>`${evidenceLinks.requirementId}`,
      id: evidenceItems.id,
      title: evidenceItems.title,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(
      and(eq(evidenceItems.engagementId, engagementId), isNotNull(evidenceLinks.requirementId)),
    )
    .all();
  return byRequirement(rows);
}

export function listSoa(ctx: CoreContext, assessmentId: string): SoaRow[] {
  const assessment = assessmentRecord(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const { db } = ctx.store;
  const entries = new Map(
    db
      .select({
        requirementId: soaEntries.requirementId,
        applicable: soaEntries.applicable,
        justification: soaEntries.justification,
        implementationStatus: soaEntries.implementationStatus,
        updatedAt: soaEntries.updatedAt,
        updatedBy: soaEntries.updatedBy,
      })
      .from(soaEntries)
      .where(eq(soaEntries.assessmentId, assessmentId))
      .all()
      .map(({ requirementId, ...entry }) => [requirementId, entry]),
  );
  const answers = new Map(
    db
      .select({
        requirementId: responses.requirementId,
        result: responses.result,
        naJustification: responses.naJustification,
      })
      .from(responses)
      .where(eq(responses.assessmentId, assessmentId))
      .all()
      .map((r) => [r.requirementId, r]),
  );
  // The risks room says which risks rely on each control (register order).
  const risksOf = controlJustifications(ctx, assessment.engagementId);
  const evidenceOf = evidenceByControl(ctx, assessment.engagementId);
  return index.controls.map((control) => {
    const controlRisks = (risksOf.get(control.id) ?? []).map(({ riskId, ...risk }) => ({
      id: riskId,
      ...risk,
    }));
    return {
      requirementId: control.id,
      ref: control.ref,
      title: control.title,
      area: control.area,
      areaTitle: index.areaTitles[control.area] ?? control.area,
      entry: entries.get(control.id) ?? null,
      suggestion: suggestDecision(answers.get(control.id), controlRisks),
      risks: controlRisks,
      evidence: evidenceOf.get(control.id) ?? [],
    };
  });
}
