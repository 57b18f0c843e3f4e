import type { RiskCriteria } from '../../../shared/contracts/risks';
import type { ParsedInput } from '../../../shared/contracts';
import {
  defaultCriteria,
  validateCriteria,
  type RiskCriteriaRules,
} from '../../../shared/rules/risk-levels';
import { audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { requireEngagement } from '../engagements';

interface CriteriaRow {
  id: string;
  likelihoodLevels: number;
  impactLevels: number;
  likelihoodLabelsJson: string;
  impactLabelsJson: string;
  bandsJson: string;
  acceptanceThreshold: number;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

export interface CurrentCriteria {
  rules: RiskCriteriaRules;
  /** 0 while the engagement still uses the defaults. */
  version: number;
}

/** The criteria risks are rated under now: the saved ones, or the defaults as version 0. */
export function currentCriteria(
  ctx: CoreContext,
  engagementId: string,
): CurrentCriteria & {
  row: CriteriaRow | undefined;
} {
  const row = ctx.store.sqlite
    .prepare(
      `SELECT id, likelihood_levels AS likelihoodLevels, impact_levels AS impactLevels,
         likelihood_labels_json AS likelihoodLabelsJson, impact_labels_json AS impactLabelsJson,
         bands_json AS bandsJson, acceptance_threshold AS acceptanceThreshold, version,
         updated_at AS updatedAt, updated_by AS updatedBy
       FROM risk_criteria WHERE engagement_id = ?`,
    )
    .get(engagementId) as CriteriaRow | undefined;
  if (!row) return { rules: defaultCriteria, version: 0, row };
  return {
    rules: {
      likelihoodLevels: row.likelihoodLevels,
      impactLevels: row.impactLevels,
      likelihoodLabels: JSON.parse(row.likelihoodLabelsJson) as string[],
      impactLabels: JSON.parse(row.impactLabelsJson) as string[],
      bands: JSON.parse(row.bandsJson) as RiskCriteriaRules['bands'],
      acceptanceThreshold: row.acceptanceThreshold,
    },
    version: row.version,
    row,
  };
}

export function getRiskCriteria(ctx: CoreContext, engagementId: string): RiskCriteria {
  requireEngagement(ctx, engagementId);
  const { rules, version, row } = currentCriteria(ctx, engagementId);
  const stale = ctx.store.sqlite
    .prepare('SELECT count(*) AS n FROM risks WHERE engagement_id = ? AND criteria_version <> ?')
    .get(engagementId, version) as { n: number };
  return {
    engagementId,
    ...rules,
    version,
    saved: row !== undefined,
    staleRiskCount: stale.n,
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
      engagementId,
      likelihoodLevels: rules.likelihoodLevels,
      impactLevels: rules.impactLevels,
      likelihoodLabelsJson: JSON.stringify(rules.likelihoodLabels),
      impactLabelsJson: JSON.stringify(rules.impactLabels),
      bandsJson: JSON.stringify(rules.bands),
      acceptanceThreshold: rules.acceptanceThreshold,
      version,
      now,
      actor: ctx.actor(),
    };
    if (before.row) {
      ctx.store.sqlite
        .prepare(
          `UPDATE risk_criteria SET likelihood_levels = @likelihoodLevels, impact_levels = @impactLevels,
             likelihood_labels_json = @likelihoodLabelsJson, impact_labels_json = @impactLabelsJson,
             bands_json = @bandsJson, acceptance_threshold = @acceptanceThreshold, version = @version,
             updated_at = @now, updated_by = @actor WHERE engagement_id = @engagementId`,
        )
        .run(values);
    } else {
      ctx.store.sqlite
        .prepare(
          `INSERT INTO risk_criteria (id, engagement_id, likelihood_levels, impact_levels, likelihood_labels_json,
             impact_labels_json, bands_json, acceptance_threshold, version, created_at, updated_at, updated_by)
           VALUES (@id, @engagementId, @likelihoodLevels, @impactLevels, @likelihoodLabelsJson, @impactLabelsJson,
             @bandsJson, @acceptanceThreshold, @version, @now, @now, @actor)`,
        )
        .run({ id: ctx.newId(), ...values });
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
