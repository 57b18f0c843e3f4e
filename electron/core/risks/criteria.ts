import { and, count, eq, ne } from 'drizzle-orm';
import { z } from 'zod';
import type { RiskCriteria } from '../../../shared/contracts/risks';
import type { ParsedInput } from '../../../shared/contracts';
import {
  defaultCriteria,
  validateCriteria,
  type RiskCriteriaRules,
} from '../../../shared/rules/risk-levels';
import { audit, inTransaction, type CoreContext } from '../context';
import { readJson, schema, writeJson } from '../db';
import { requireEngagement } from '../engagements';
import { CommandFailure } from '../errors';

const { riskCriteria, risks } = schema;

type CriteriaRow = typeof riskCriteria.$inferSelect;

export interface CurrentCriteria {
  rules: RiskCriteriaRules;
  /** 0 while the engagement still uses the defaults. */
  version: number;
}

const labels = z.array(z.string());
const bands = z.array(z.object({ name: z.string(), minScore: z.number() }));

/** The criteria risks are rated under now: the saved ones, or the defaults as version 0. */
export function currentCriteria(
  ctx: CoreContext,
  engagementId: string,
): CurrentCriteria & { row: CriteriaRow | undefined } {
  const row = ctx.store.db
    .select()
    .from(riskCriteria)
    .where(eq(riskCriteria.engagementId, engagementId))
    .get();
  if (!row) return { rules: defaultCriteria, version: 0, row };
  return {
    rules: {
      likelihoodLevels: row.likelihoodLevels,
      impactLevels: row.impactLevels,
      likelihoodLabels: readJson(
        labels,
        row.likelihoodLabelsJson,
        'risk_criteria.likelihood_labels_json',
      ),
      impactLabels: readJson(labels, row.impactLabelsJson, 'risk_criteria.impact_labels_json'),
      bands: readJson(bands, row.bandsJson, 'risk_criteria.bands_json'),
      acceptanceThreshold: row.acceptanceThreshold,
    },
    version: row.version,
    row,
  };
}

export function getRiskCriteria(ctx: CoreContext, engagementId: string): RiskCriteria {
  requireEngagement(ctx, engagementId);
  const { rules, version, row } = currentCriteria(ctx, engagementId);
  const stale = ctx.store.db
    .select({ n: count() })
    .from(risks)
    .where(and(eq(risks.engagementId, engagementId), ne(risks.criteriaVersion, version)))
    .get();
  return {
    engagementId,
    ...rules,
    version,
    saved: row !== undefined,
    staleRiskCount: stale?.n ?? 0,
    updatedAt: row?.updatedAt ?? null,
    updatedBy: row?.updatedBy ?? null,
  };
}

/**
 * Saves new criteria under the next version. Stored risk levels are deliberately left alone: a
 * recorded level changes only through risks.rerate, an explicit and audited step.
 */
export function saveRiskCriteria(
  ctx: CoreContext,
  input: ParsedInput<'riskCriteria.save'>,
): RiskCriteria {
  const { engagementId, ...rules } = input;
  const problems = validateCriteria(rules);
  if (problems.length > 0) {
    throw new CommandFailure(
      'VALIDATION',
      `Invalid input — ${problems.map((p) => `${p.path}: ${p.message}`).join('; ')}`,
      { issues: problems },
    );
  }
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    const before = currentCriteria(ctx, engagementId);
    const version = before.version + 1;
    const values = {
      likelihoodLevels: rules.likelihoodLevels,
      impactLevels: rules.impactLevels,
      likelihoodLabelsJson: writeJson(rules.likelihoodLabels),
      impactLabelsJson: writeJson(rules.impactLabels),
      bandsJson: writeJson(rules.bands),
      acceptanceThreshold: rules.acceptanceThreshold,
      version,
      updatedAt: now,
      updatedBy: ctx.actor(),
    };
    const { db } = ctx.store;
    if (before.row) {
      db.update(riskCriteria).set(values).where(eq(riskCriteria.engagementId, engagementId)).run();
    } else {
      db.insert(riskCriteria)
        .values({ id: ctx.newId(), engagementId, createdAt: now, ...values })
        .run();
    }
    audit(ctx, now, {
      action: 'riskCriteria.save',
      entityType: 'risk_criteria',
      entityId: engagementId,
      scopeId: engagementId,
      before: { ...before.rules, version: before.version },
      after: { ...rules, version },
    });
    return getRiskCriteria(ctx, engagementId);
  });
}
