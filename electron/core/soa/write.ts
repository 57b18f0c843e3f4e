import { and, eq } from 'drizzle-orm';
import type { SoaRow } from '../../../shared/contracts/soa';
import type { ParsedInput } from '../../../shared/contracts';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { invalid } from '../errors';
import { listSoa } from './queries';

const { soaEntries } = schema;

/** Records one decision (insert or replace) and its audit entry. */
function writeEntry(
  ctx: CoreContext,
  assessmentId: string,
  requirementId: string,
  decision: SoaRow['suggestion'],
  now: string,
) {
  const { db } = ctx.store;
  const before = db
    .select({
      id: soaEntries.id,
      applicable: soaEntries.applicable,
      justification: soaEntries.justification,
      implementationStatus: soaEntries.implementationStatus,
    })
    .from(soaEntries)
    .where(
      and(eq(soaEntries.assessmentId, assessmentId), eq(soaEntries.requirementId, requirementId)),
    )
    .get();
  const id = before?.id ?? ctx.newId();
  const fields = {
    applicable: decision.applicable,
    justification: decision.justification,
    implementationStatus: decision.implementationStatus,
    updatedAt: now,
    updatedBy: ctx.actor(),
  };
  db.insert(soaEntries)
    .values({ id, assessmentId, requirementId, ...fields, createdAt: now })
    .onConflictDoUpdate({
      target: [soaEntries.assessmentId, soaEntries.requirementId],
      set: fields,
    })
    .run();
  audit(ctx, now, {
    action: 'soa.save',
    entityType: 'soa-entry',
    entityId: id,
    scopeId: assessmentId,
    before: before
      ? {
          requirementId,
          applicable: before.applicable,
          justification: before.justification,
          implementationStatus: before.implementationStatus,
        }
      : undefined,
    after: { requirementId, ...decision },
  });
}

export function saveSoaEntry(ctx: CoreContext, input: ParsedInput<'soa.save'>): SoaRow {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const assessment = writableAssessment(ctx, input.assessmentId);
    const control = requirementIndex(ctx, assessment.frameworkId).byId.get(input.requirementId);
    if (control?.kind !== 'control')
      throw invalid('requirementId', 'is not an Annex A control of this framework');
    if (
      !input.applicable &&
      input.implementationStatus !== 'not-applicable' &&
      input.implementationStatus !== 'not-implemented'
    ) {
      throw invalid(
        'implementationStatus',
        'an excluded control cannot be implemented; choose not applicable',
      );
    }
    writeEntry(ctx, input.assessmentId, input.requirementId, input, now);
    const row = listSoa(ctx, input.assessmentId).find(
      (r) => r.requirementId === input.requirementId,
    );
    if (!row) throw invalid('requirementId', 'is not in the Statement of Applicability');
    return row;
  });
}

export function acceptSoaSuggestions(
  ctx: CoreContext,
  assessmentId: string,
): { accepted: number; needJustification: number } {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    writableAssessment(ctx, assessmentId);
    let accepted = 0;
    let needJustification = 0;
    for (const row of listSoa(ctx, assessmentId)) {
      if (row.entry) continue;
      if (!row.suggestion.justification.trim()) {
        needJustification += 1;
        continue;
      }
      writeEntry(ctx, assessmentId, row.requirementId, row.suggestion, now);
      accepted += 1;
    }
    return { accepted, needJustification };
  });
}
