import { and, eq, inArray } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { DocumentRow } from '../../../shared/contracts/documents';
import { documentRecordProblems } from '../../../shared/rules/documented-information';
import { writableAssessment } from '../assessments';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { invalid } from '../errors';
import { documentRow } from './queries';

const { documentedInformation: records, documentedInformationEvidence: links } = schema;

type SaveInput = ParsedInput<'documents.save'>;

/** What the audit trail keeps of a record: every field a person sets. */
function auditView(r: Omit<SaveInput, 'assessmentId'>) {
  return {
    key: r.key,
    exists: r.exists,
    approved: r.approved,
    current: r.current,
    owner: r.owner,
    reviewDate: r.reviewDate,
    reference: r.reference,
    notes: r.notes,
    evidenceIds: [...r.evidenceIds].sort(),
  };
}

/** Evidence linked to a record must belong to the assessment's engagement. */
function checkEvidence(ctx: CoreContext, engagementId: string, ids: readonly string[]): void {
  if (ids.length === 0) return;
  const found = new Set(
    ctx.store.db
      .select({ id: schema.evidenceItems.id })
      .from(schema.evidenceItems)
      .where(
        and(
          inArray(schema.evidenceItems.id, [...ids]),
          eq(schema.evidenceItems.engagementId, engagementId),
        ),
      )
      .all()
      .map((e) => e.id),
  );
  const missing = ids.filter((id) => !found.has(id));
  if (missing.length > 0) {
    throw invalid('evidenceIds', `${missing.join(', ')} is not evidence of this engagement`);
  }
}

/**
 * Records (creates or replaces) what was seen of one item, and the evidence that shows it, in one
 * transaction with its audit entry. Refused on a final assessment.
 */
export function saveDocument(ctx: CoreContext, input: SaveInput): DocumentRow {
  const problem = documentRecordProblems(input)[0];
  if (problem) throw invalid(problem.field, problem.message);
  const evidenceIds = [...new Set(input.evidenceIds)];
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const assessment = writableAssessment(ctx, input.assessmentId);
    checkEvidence(ctx, assessment.engagementId, evidenceIds);
    const { db } = ctx.store;
    const before = db
      .select()
      .from(records)
      .where(and(eq(records.assessmentId, input.assessmentId), eq(records.itemKey, input.key)))
      .get();
    const fields = {
      exists: input.exists,
      approved: input.approved,
      current: input.current,
      owner: input.owner,
      reviewDate: input.reviewDate,
      reference: input.reference,
      notes: input.notes,
      updatedAt: now,
      updatedBy: ctx.actor(),
    };
    let id: string;
    let beforeView: ReturnType<typeof auditView> | undefined;
    if (before) {
      id = before.id;
      const linked = db
        .select({ id: links.evidenceId })
        .from(links)
        .where(eq(links.recordId, id))
        .all()
        .map((l) => l.id);
      beforeView = auditView({ ...before, key: before.itemKey, evidenceIds: linked });
      db.update(records).set(fields).where(eq(records.id, id)).run();
      db.delete(links).where(eq(links.recordId, id)).run();
    } else {
      id = ctx.newId();
      db.insert(records)
        .values({
          id,
          assessmentId: input.assessmentId,
          itemKey: input.key,
          ...fields,
          createdAt: now,
        })
        .run();
    }
    if (evidenceIds.length > 0) {
      db.insert(links)
        .values(
          evidenceIds.map((evidenceId) => ({
            recordId: id,
            evidenceId,
            createdAt: now,
            createdBy: ctx.actor(),
          })),
        )
        .run();
    }
    audit(ctx, now, {
      action: before ? 'documented-information.update' : 'documented-information.create',
      entityType: 'documented_information',
      entityId: id,
      scopeId: input.assessmentId,
      before: beforeView,
      after: auditView({ ...input, evidenceIds }),
    });
    return documentRow(ctx, input.assessmentId, input.key);
  });
}
