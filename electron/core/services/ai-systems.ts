import type { AiSystem } from '../../../shared/contracts/ai-systems';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { conflict, notFound } from '../errors';
import { requireEngagement } from '../engagements';

interface AiSystemRow {
  id: string;
  engagementId: string;
  name: string;
  purpose: string;
  intendedUse: string;
  orgRole: AiSystem['orgRole'];
  lifecycleStage: AiSystem['lifecycleStage'];
  modelType: string;
  dataCategoriesJson: string;
  deploymentContext: string;
  affectedPartiesJson: string;
  owner: string;
  thirdPartiesJson: string;
  riskCount: number;
  impactAssessmentCount: number;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `
  SELECT s.id, s.engagement_id AS engagementId, s.name, s.purpose, s.intended_use AS intendedUse,
    s.org_role AS orgRole, s.lifecycle_stage AS lifecycleStage, s.model_type AS modelType,
    s.data_categories_json AS dataCategoriesJson, s.deployment_context AS deploymentContext,
    s.affected_parties_json AS affectedPartiesJson, s.owner, s.third_parties_json AS thirdPartiesJson,
    (SELECT count(*) FROM risk_ai_systems x WHERE x.ai_system_id = s.id) AS riskCount,
    (SELECT count(*) FROM impact_assessments i WHERE i.ai_system_id = s.id) AS impactAssessmentCount,
    s.created_at AS createdAt, s.updated_at AS updatedAt, s.updated_by AS updatedBy
  FROM ai_systems s`;

function toAiSystem(row: AiSystemRow): AiSystem {
  const { dataCategoriesJson, affectedPartiesJson, thirdPartiesJson, ...rest } = row;
  return {
    ...rest,
    dataCategories: JSON.parse(dataCategoriesJson) as AiSystem['dataCategories'],
    affectedParties: JSON.parse(affectedPartiesJson) as string[],
    thirdParties: JSON.parse(thirdPartiesJson) as string[],
  };
}

export function listAiSystems(ctx: CoreContext, engagementId: string): AiSystem[] {
  requireEngagement(ctx, engagementId);
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} WHERE s.engagement_id = ? ORDER BY s.name COLLATE NOCASE, s.id`)
    .all(engagementId) as AiSystemRow[];
  return rows.map(toAiSystem);
}

export function getAiSystem(ctx: CoreContext, id: string): AiSystem {
  const row = ctx.store.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as
    AiSystemRow | undefined;
  if (!row) throw notFound('AI system', id);
  return toAiSystem(row);
}

type Fields = Omit<ParsedInput<'aiSystems.create'>, 'engagementId'>;

function columns(input: Fields) {
  return {
    name: input.name,
    purpose: input.purpose,
    intendedUse: input.intendedUse,
    orgRole: input.orgRole,
    lifecycleStage: input.lifecycleStage,
    modelType: input.modelType,
    dataCategoriesJson: JSON.stringify(input.dataCategories),
    deploymentContext: input.deploymentContext,
    affectedPartiesJson: JSON.stringify(input.affectedParties),
    owner: input.owner,
    thirdPartiesJson: JSON.stringify(input.thirdParties),
  };
}

/** Names are how people (and imported sheets) refer to systems, so they are unique per engagement. */
function assertNameFree(ctx: CoreContext, engagementId: string, name: string, exceptId = '') {
  const clash = ctx.store.sqlite
    .prepare(
      'SELECT id FROM ai_systems WHERE engagement_id = ? AND lower(name) = lower(?) AND id <> ?',
    )
    .get(engagementId, name, exceptId);
  if (clash) throw conflict(`An AI system named "${name}" already exists in this engagement.`);
}

export function createAiSystem(ctx: CoreContext, input: ParsedInput<'aiSystems.create'>): AiSystem {
  const { engagementId, ...fields } = input;
  const id = ctx.newId();
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    assertNameFree(ctx, engagementId, fields.name);
    ctx.store.sqlite
      .prepare(
        `INSERT INTO ai_systems (id, engagement_id, name, purpose, intended_use, org_role, lifecycle_stage, model_type,
           data_categories_json, deployment_context, affected_parties_json, owner, third_parties_json, created_at, updated_at, updated_by)
         VALUES (@id, @engagementId, @name, @purpose, @intendedUse, @orgRole, @lifecycleStage, @modelType,
           @dataCategoriesJson, @deploymentContext, @affectedPartiesJson, @owner, @thirdPartiesJson, @now, @now, @actor)`,
      )
      .run({ id, engagementId, ...columns(fields), now, actor: ctx.actor() });
    audit(ctx, now, {
      action: 'aiSystem.create',
      entityType: 'ai_system',
      entityId: id,
      scopeId: engagementId,
      after: fields,
    });
    return getAiSystem(ctx, id);
  });
}

export function updateAiSystem(ctx: CoreContext, input: ParsedInput<'aiSystems.update'>): AiSystem {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getAiSystem(ctx, id);
    assertNameFree(ctx, before.engagementId, fields.name, id);
    ctx.store.sqlite
      .prepare(
        `UPDATE ai_systems SET name = @name, purpose = @purpose, intended_use = @intendedUse, org_role = @orgRole,
           lifecycle_stage = @lifecycleStage, model_type = @modelType, data_categories_json = @dataCategoriesJson,
           deployment_context = @deploymentContext, affected_parties_json = @affectedPartiesJson, owner = @owner,
           third_parties_json = @thirdPartiesJson, updated_at = @now, updated_by = @actor WHERE id = @id`,
      )
      .run({ id, ...columns(fields), now, actor: ctx.actor() });
    audit(ctx, now, {
      action: 'aiSystem.update',
      entityType: 'ai_system',
      entityId: id,
      scopeId: before.engagementId,
      before,
      after: fields,
    });
    return getAiSystem(ctx, id);
  });
}

export function deleteAiSystem(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getAiSystem(ctx, id);
    ctx.store.sqlite.prepare('DELETE FROM ai_systems WHERE id = ?').run(id);
    audit(ctx, now, {
      action: 'aiSystem.delete',
      entityType: 'ai_system',
      entityId: id,
      scopeId: before.engagementId,
      before,
    });
  });
  return { ok: true };
}
