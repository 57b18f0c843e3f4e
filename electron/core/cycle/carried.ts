import { and, eq, isNull } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { Assessment } from '../../../shared/contracts/assessments';
import type { CarriedItem, CycleView } from '../../../shared/contracts/cycle';
import { getAssessment, writableAssessment } from '../assessments';
import { requirementIndex, scopingQuestions } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { readJson, schema } from '../db';
import { invalid } from '../errors';
import { listSoa } from '../soa';
import { carriedFindingsOf } from './carried-findings';
import {
  carriedScopeValue,
  carriedScopingValue,
  carriedSoaValue,
  describeScope,
  describeScoping,
  describeSoa,
  sameAnswer,
  sameAreas,
  sameSoa,
} from './carried-values';
import { linkOf, nextAssessments, previousAssessment } from './links';

const { carriedItems } = schema;
type CarriedRow = typeof carriedItems.$inferSelect;

const column = 'carried_items.value_json';

/**
 * Each carried decision with its state. "changed" wins over "confirmed": a decision edited after
 * it was confirmed is a new decision. An SoA row saved again after it was carried over counts as
 * confirmed by whoever saved it, even with the same values — saving it is deciding it.
 */
function carriedItemsOf(ctx: CoreContext, assessment: Assessment): CarriedItem[] {
  const rows = ctx.store.db
    .select()
    .from(carriedItems)
    .where(eq(carriedItems.assessmentId, assessment.id))
    .all();
  if (rows.length === 0) return [];
  const questions = new Map(scopingQuestions(ctx, assessment.frameworkId).map((q) => [q.id, q]));
  const index = requirementIndex(ctx, assessment.frameworkId);
  const soa = new Map(listSoa(ctx, assessment.id).map((r) => [r.requirementId, r.entry]));
  const order = { scope: 0, scoping: 1, soa: 2 };
  const confirmed = (row: CarriedRow) =>
    row.confirmedAt ? { state: 'confirmed' as const } : { state: 'pending' as const };

  const items = rows.map((row): CarriedItem & { order: number } => {
    const base = {
      id: row.id,
      kind: row.kind,
      key: row.key,
      confirmedAt: row.confirmedAt,
      confirmedBy: row.confirmedBy,
    };
    if (row.kind === 'scope') {
      const value = readJson(carriedScopeValue, row.valueJson, column);
      const changed = !sameAreas(value.excludedAreas, assessment.excludedAreas);
      return {
        ...base,
        ...(changed ? { state: 'changed' as const } : confirmed(row)),
        label: 'Areas left out of scope',
        carried: describeScope(value),
        order: 0,
      };
    }
    if (row.kind === 'scoping') {
      const value = readJson(carriedScopingValue, row.valueJson, column);
      const question = questions.get(row.key);
      const changed = !sameAnswer(value, assessment.scoping[row.key]);
      return {
        ...base,
        ...(changed ? { state: 'changed' as const } : confirmed(row)),
        label: question?.text ?? row.key,
        carried: describeScoping(question, value),
        order: order.scoping,
      };
    }
    const value = readJson(carriedSoaValue, row.valueJson, column);
    const entry = soa.get(row.key) ?? null;
    const requirement = index.byId.get(row.key);
    const state =
      !entry || !sameSoa(value, entry)
        ? { state: 'changed' as const }
        : entry.updatedAt > row.createdAt
          ? {
              state: 'confirmed' as const,
              confirmedAt: entry.updatedAt,
              confirmedBy: entry.updatedBy,
            }
          : confirmed(row);
    return {
      ...base,
      ...state,
      label: requirement ? `${requirement.ref} ${requirement.title}` : row.key,
      carried: describeSoa(value),
      order: order.soa + (requirement ? index.assessable.indexOf(requirement) / 1000 : 0),
    };
  });
  return items.sort((a, b) => a.order - b.order).map(({ order: _order, ...item }) => item);
}

export function cycleView(ctx: CoreContext, assessmentId: string): CycleView {
  const assessment = getAssessment(ctx, assessmentId);
  const previous = previousAssessment(ctx, assessment);
  const carried = carriedItemsOf(ctx, assessment);
  return {
    assessmentId,
    previous: previous && linkOf(ctx, previous),
    next: nextAssessments(ctx, assessmentId),
    carried,
    pending: carried.filter((c) => c.state === 'pending').length,
    carriedFindings: carriedFindingsOf(ctx, assessmentId),
  };
}

/** Confirms carried-over decisions as they stand; each confirmation is in the audit trail. */
export function confirmCarried(ctx: CoreContext, input: ParsedInput<'cycle.confirm'>): CycleView {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    writableAssessment(ctx, input.assessmentId);
    const carried = carriedItemsOf(ctx, getAssessment(ctx, input.assessmentId));
    const known = new Set(carried.map((c) => `${c.kind}:${c.key}`));
    const unknown = (input.items ?? []).filter((i) => !known.has(`${i.kind}:${i.key}`));
    if (unknown.length > 0) {
      throw invalid(
        'items',
        `nothing was carried over as ${unknown.map((i) => `${i.kind} ${i.key}`).join(', ')}`,
      );
    }
    const wanted = input.items && new Set(input.items.map((i) => `${i.kind}:${i.key}`));
    for (const item of carried) {
      if (item.state !== 'pending') continue;
      if (wanted && !wanted.has(`${item.kind}:${item.key}`)) continue;
      ctx.store.db
        .update(carriedItems)
        .set({ confirmedAt: now, confirmedBy: ctx.actor(), updatedAt: now, updatedBy: ctx.actor() })
        .where(and(eq(carriedItems.id, item.id), isNull(carriedItems.confirmedAt)))
        .run();
      audit(ctx, now, {
        action: 'carried.confirm',
        entityType: 'carried-item',
        entityId: item.id,
        scopeId: input.assessmentId,
        after: { kind: item.kind, key: item.key, carried: item.carried },
      });
    }
    return cycleView(ctx, input.assessmentId);
  });
}
