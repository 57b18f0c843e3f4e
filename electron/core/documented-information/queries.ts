import { asc, eq, inArray } from 'drizzle-orm';
import type { DocumentRow } from '../../../shared/contracts/documents';
import type { DocumentRecordFacts } from '../../../shared/rules/documented-information';
import { documentViews } from '../../../shared/rules/gates';
import { localDate } from '../../../shared/rules/evidence-status';
import { getAssessment } from '../assessments';
import { catalogOverlaps } from '../catalog';
import { soaDecisions } from '../soa';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { documentedInformation: records, documentedInformationEvidence: links } = schema;

/** Today as the consultant's calendar has it: review dates before it are overdue. */
export function today(ctx: CoreContext): string {
  return localDate(new Date(ctx.now()));
}

/** The documented-information records of an assessment, as readiness judges them. */
export function documentFacts(ctx: CoreContext, assessmentId: string): DocumentRecordFacts[] {
  return ctx.store.db
    .select({
      key: records.itemKey,
      exists: records.exists,
      approved: records.approved,
      current: records.current,
      reviewDate: records.reviewDate,
    })
    .from(records)
    .where(eq(records.assessmentId, assessmentId))
    .all();
}

/** Every mandatory item with its record, evidence and status under the assessment's SoA. */
export function listDocuments(ctx: CoreContext, assessmentId: string): DocumentRow[] {
  const assessment = getAssessment(ctx, assessmentId);
  const rows = ctx.store.db
    .select()
    .from(records)
    .where(eq(records.assessmentId, assessmentId))
    .all();
  const byKey = new Map(rows.map((r) => [r.itemKey, r]));
  const evidence = new Map<string, { id: string; title: string }[]>();
  if (rows.length > 0) {
    for (const link of ctx.store.db
      .select({
        recordId: links.recordId,
        id: schema.evidenceItems.id,
        title: schema.evidenceItems.title,
      })
      .from(links)
      .innerJoin(schema.evidenceItems, eq(schema.evidenceItems.id, links.evidenceId))
      .where(
        inArray(
          links.recordId,
          rows.map((r) => r.id),
        ),
      )
      .orderBy(asc(schema.evidenceItems.title))
      .all()) {
      evidence.set(link.recordId, [
        ...(evidence.get(link.recordId) ?? []),
        { id: link.id, title: link.title },
      ]);
    }
  }
  const views = documentViews({
    soa: soaDecisions(ctx, assessmentId, assessment.frameworkId),
    documents: rows.map((r) => ({ ...r, key: r.itemKey })),
    overlaps: catalogOverlaps(ctx, assessment.frameworkId),
    asOf: today(ctx),
  });
  return views.map((view) => {
    const record = byKey.get(view.key);
    return {
      ...view,
      record: record
        ? {
            id: record.id,
            exists: record.exists,
            approved: record.approved,
            current: record.current,
            owner: record.owner,
            reviewDate: record.reviewDate,
            reference: record.reference,
            notes: record.notes,
            updatedAt: record.updatedAt,
            updatedBy: record.updatedBy,
          }
        : null,
      evidence: record ? (evidence.get(record.id) ?? []) : [],
    };
  });
}

export function documentRow(ctx: CoreContext, assessmentId: string, key: string): DocumentRow {
  const row = listDocuments(ctx, assessmentId).find((d) => d.key === key);
  if (!row) throw new Error(`No documented-information item ${key}`);
  return row;
}
