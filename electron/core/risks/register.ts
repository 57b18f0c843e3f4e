import { eq } from 'drizzle-orm';
import type { Risk, RiskHistoryEntry } from '../../../shared/contracts/risks';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { requireEngagement } from '../engagements';
import { currentCriteria } from './criteria';
import { checkRiskReferences, loadRiskLookups } from './lookups';
import { controlJustifications, findRisk, listRisks as queryRisks, riskHistory } from './queries';
import {
  auditSnapshot,
  formatRef,
  insertRisk,
  nextRefNumber,
  rateRisk,
  riskColumns,
  riskWriter,
  type RiskFields,
  type RiskLevels,
} from './write';

const { risks } = schema;

export function listRisks(ctx: CoreContext, engagementId: string, limit?: number): Risk[] {
  requireEngagement(ctx, engagementId);
  return queryRisks(ctx, engagementId, limit);
}

export function getRisk(ctx: CoreContext, id: string): { risk: Risk; history: RiskHistoryEntry[] } {
  return { risk: findRisk(ctx, id), history: riskHistory(ctx, id) };
}

export function createRisk(ctx: CoreContext, input: ParsedInput<'risks.create'>): Risk {
  const { engagementId, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    const lookups = loadRiskLookups(ctx, engagementId);
    const criteria = currentCriteria(ctx, engagementId);
    const ref = formatRef(nextRefNumber(ctx, engagementId));
    return findRisk(ctx, insertRisk(ctx, riskWriter(ctx), now, lookups, criteria, fields, ref));
  });
}

function fieldsOf(risk: Risk): RiskFields {
  return {
    title: risk.title,
    description: risk.description,
    aiSystemIds: risk.aiSystemIds,
    riskSource: risk.riskSource,
    objectives: risk.objectives,
    likelihood: risk.likelihood,
    impact: risk.impact,
    treatmentOption: risk.treatmentOption,
    treatmentPlan: risk.treatmentPlan,
    controlIds: risk.controlIds,
    residualLikelihood: risk.residualLikelihood,
    residualImpact: risk.residualImpact,
    owner: risk.owner,
    dueDate: risk.dueDate,
    status: risk.status,
  };
}

const levelsOf = (r: Risk): RiskLevels => ({
  inherentScore: r.inherentScore,
  inherentBand: r.inherentBand,
  residualScore: r.residualScore,
  residualBand: r.residualBand,
});

const sameRating = (a: RiskFields, b: RiskFields) =>
  a.likelihood === b.likelihood &&
  a.impact === b.impact &&
  a.residualLikelihood === b.residualLikelihood &&
  a.residualImpact === b.residualImpact;

export function updateRisk(ctx: CoreContext, input: ParsedInput<'risks.update'>): Risk {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = findRisk(ctx, id);
    const lookups = loadRiskLookups(ctx, before.engagementId);
    checkRiskReferences(lookups, fields);
    const criteria = currentCriteria(ctx, before.engagementId);
    // Editing the text of a risk rated under older criteria keeps its recorded levels; only a
    // change of the rating itself (or risks.rerate) rates it under the current criteria.
    const keep = sameRating(fields, fieldsOf(before));
    const levels = keep ? levelsOf(before) : rateRisk(criteria.rules, fields);
    const version = keep ? before.criteriaVersion : criteria.version;
    ctx.store.db
      .update(risks)
      .set({ ...riskColumns(fields, levels, version), updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(risks.id, id))
      .run();
    riskWriter(ctx).replaceLinks(id, fields);
    audit(ctx, now, {
      action: 'risk.update',
      entityType: 'risk',
      entityId: id,
      scopeId: before.engagementId,
      before: auditSnapshot(lookups, fieldsOf(before), levelsOf(before), before.criteriaVersion),
      after: auditSnapshot(lookups, fields, levels, version),
    });
    return findRisk(ctx, id);
  });
}

export function deleteRisk(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = findRisk(ctx, id);
    ctx.store.db.delete(risks).where(eq(risks.id, id)).run();
    audit(ctx, now, {
      action: 'risk.delete',
      entityType: 'risk',
      entityId: id,
      scopeId: before.engagementId,
      before,
    });
  });
  return { ok: true };
}

export function acceptRisk(ctx: CoreContext, input: ParsedInput<'risks.accept'>): Risk {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = findRisk(ctx, input.id);
    ctx.store.db
      .update(risks)
      .set({
        acceptedBy: input.acceptedBy,
        acceptedAt: input.acceptedOn,
        status: 'accepted',
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .where(eq(risks.id, input.id))
      .run();
    audit(ctx, now, {
      action: 'risk.accept',
      entityType: 'risk',
      entityId: input.id,
      scopeId: before.engagementId,
      before: {
        status: before.status,
        acceptedBy: before.acceptedBy,
        acceptedAt: before.acceptedAt,
      },
      after: {
        status: 'accepted',
        acceptedBy: input.acceptedBy,
        acceptedAt: input.acceptedOn,
        residualScore: before.residualScore ?? before.inherentScore,
      },
    });
    return findRisk(ctx, input.id);
  });
}

/** The explicit step that re-rates risks under the current criteria; one audit row per risk. */
export function rerateRisks(ctx: CoreContext, input: ParsedInput<'risks.rerate'>) {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, input.engagementId);
    const criteria = currentCriteria(ctx, input.engagementId);
    const wanted = input.riskIds ? new Set(input.riskIds) : null;
    const register = queryRisks(ctx, input.engagementId).filter((r) => !wanted || wanted.has(r.id));
    const skipped: { id: string; ref: string; reason: string }[] = [];
    let rerated = 0;
    for (const risk of register) {
      let levels: RiskLevels;
      try {
        levels = rateRisk(criteria.rules, risk);
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        skipped.push({ id: risk.id, ref: risk.ref, reason });
        continue;
      }
      ctx.store.db
        .update(risks)
        .set({
          ...levels,
          criteriaVersion: criteria.version,
          updatedAt: now,
          updatedBy: ctx.actor(),
        })
        .where(eq(risks.id, risk.id))
        .run();
      audit(ctx, now, {
        action: 'risk.rerate',
        entityType: 'risk',
        entityId: risk.id,
        scopeId: input.engagementId,
        before: { ...levelsOf(risk), criteriaVersion: risk.criteriaVersion },
        after: { ...levels, criteriaVersion: criteria.version },
      });
      rerated += 1;
    }
    return { criteriaVersion: criteria.version, rerated, skipped };
  });
}

export function risksByControl(
  ctx: CoreContext,
  engagementId: string,
): Record<string, { riskId: string; ref: string; title: string }[]> {
  requireEngagement(ctx, engagementId);
  return Object.fromEntries(controlJustifications(ctx, engagementId));
}
