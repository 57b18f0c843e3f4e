import { index, integer, sqliteTable, text, uniqueIndex } from 'drizzle-orm/sqlite-core';
import { aiRoles } from '../../../../shared/domain/ai-roles';
import { lifecycleStages, riskStatuses, treatmentOptions } from '../../../../shared/domain/risks';
import { editStamp } from './columns';
import { engagements } from './engagements';
import { requirements } from './catalog';

export const aiSystems = sqliteTable(
  'ai_systems',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    purpose: text('purpose').notNull().default(''),
    intendedUse: text('intended_use').notNull().default(''),
    orgRole: text('org_role', { enum: aiRoles }).notNull(),
    lifecycleStage: text('lifecycle_stage', { enum: lifecycleStages }).notNull(),
    modelType: text('model_type').notNull().default(''),
    /** JSON arrays. */
    dataCategoriesJson: text('data_categories_json').notNull().default('[]'),
    deploymentContext: text('deployment_context').notNull().default(''),
    affectedPartiesJson: text('affected_parties_json').notNull().default('[]'),
    owner: text('owner').notNull().default(''),
    thirdPartiesJson: text('third_parties_json').notNull().default('[]'),
    /**
     * EU AI Act scoping: the organisation's roles towards the system (JSON array of role ids), its
     * risk class, and for a high-risk system its Annex III point (null: high-risk through Annex I).
     * Null risk class: not classified yet.
     */
    euAiActRolesJson: text('eu_ai_act_roles_json').notNull().default('[]'),
    euAiActRiskClass: text('eu_ai_act_risk_class'),
    euAiActAnnexIiiPoint: integer('eu_ai_act_annex_iii_point'),
    ...editStamp,
  },
  (t) => [index('ai_systems_engagement').on(t.engagementId)],
);

/** The likelihood × impact matrix of one engagement. `version` rises on every change. */
export const riskCriteria = sqliteTable('risk_criteria', {
  id: text('id').primaryKey(),
  engagementId: text('engagement_id')
    .notNull()
    .unique()
    .references(() => engagements.id, { onDelete: 'cascade' }),
  likelihoodLevels: integer('likelihood_levels').notNull(),
  impactLevels: integer('impact_levels').notNull(),
  likelihoodLabelsJson: text('likelihood_labels_json').notNull(),
  impactLabelsJson: text('impact_labels_json').notNull(),
  /** JSON array of {name, minScore} ordered by minScore. */
  bandsJson: text('bands_json').notNull(),
  acceptanceThreshold: integer('acceptance_threshold').notNull(),
  version: integer('version').notNull(),
  ...editStamp,
});

export const risks = sqliteTable(
  'risks',
  {
    id: text('id').primaryKey(),
    engagementId: text('engagement_id')
      .notNull()
      .references(() => engagements.id, { onDelete: 'cascade' }),
    ref: text('ref').notNull(),
    title: text('title').notNull(),
    description: text('description').notNull().default(''),
    /** Annex C risk source id (C.3.x) and objective ids (C.2.x, JSON array). */
    riskSource: text('risk_source'),
    objectivesJson: text('objectives_json').notNull().default('[]'),
    likelihood: integer('likelihood').notNull(),
    impact: integer('impact').notNull(),
    inherentScore: integer('inherent_score').notNull(),
    inherentBand: text('inherent_band').notNull(),
    treatmentOption: text('treatment_option', { enum: treatmentOptions }),
    treatmentPlan: text('treatment_plan').notNull().default(''),
    residualLikelihood: integer('residual_likelihood'),
    residualImpact: integer('residual_impact'),
    residualScore: integer('residual_score'),
    residualBand: text('residual_band'),
    /** The criteria version the levels were computed with; re-rating is an explicit step. */
    criteriaVersion: integer('criteria_version').notNull(),
    owner: text('owner').notNull().default(''),
    dueDate: text('due_date'),
    status: text('status', { enum: riskStatuses }).notNull(),
    acceptedBy: text('accepted_by'),
    acceptedAt: text('accepted_at'),
    ...editStamp,
  },
  (t) => [
    uniqueIndex('risks_engagement_ref').on(t.engagementId, t.ref),
    index('risks_engagement_status').on(t.engagementId, t.status),
  ],
);

export const riskAiSystems = sqliteTable(
  'risk_ai_systems',
  {
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    aiSystemId: text('ai_system_id')
      .notNull()
      .references(() => aiSystems.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('risk_ai_systems_pk').on(t.riskId, t.aiSystemId),
    index('risk_ai_systems_system').on(t.aiSystemId),
  ],
);

/** The Annex A controls a risk's treatment relies on; these justify the controls in the SoA. */
export const riskControls = sqliteTable(
  'risk_controls',
  {
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
    requirementId: text('requirement_id')
      .notNull()
      .references(() => requirements.id, { onDelete: 'restrict' }),
  },
  (t) => [
    uniqueIndex('risk_controls_pk').on(t.riskId, t.requirementId),
    index('risk_controls_requirement').on(t.requirementId),
  ],
);

export const impactAssessments = sqliteTable(
  'impact_assessments',
  {
    id: text('id').primaryKey(),
    aiSystemId: text('ai_system_id')
      .notNull()
      .references(() => aiSystems.id, { onDelete: 'cascade' }),
    /** JSON arrays: affected individuals/groups/society; impact areas with notes. */
    affectedJson: text('affected_json').notNull().default('[]'),
    impactAreasJson: text('impact_areas_json').notNull().default('[]'),
    severity: integer('severity').notNull(),
    likelihood: integer('likelihood').notNull(),
    measuresInPlace: text('measures_in_place').notNull().default(''),
    measuresPlanned: text('measures_planned').notNull().default(''),
    reviewer: text('reviewer').notNull().default(''),
    reviewedOn: text('reviewed_on'),
    outcome: text('outcome').notNull().default(''),
    ...editStamp,
  },
  (t) => [index('impact_assessments_system').on(t.aiSystemId)],
);

export const impactAssessmentRisks = sqliteTable(
  'impact_assessment_risks',
  {
    impactAssessmentId: text('impact_assessment_id')
      .notNull()
      .references(() => impactAssessments.id, { onDelete: 'cascade' }),
    riskId: text('risk_id')
      .notNull()
      .references(() => risks.id, { onDelete: 'cascade' }),
  },
  (t) => [
    uniqueIndex('impact_assessment_risks_pk').on(t.impactAssessmentId, t.riskId),
    index('impact_assessment_risks_risk').on(t.riskId),
  ],
);
