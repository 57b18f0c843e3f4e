import { and, asc, eq, getTableColumns, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { AiSystem } from '../../../shared/contracts/ai-systems';
import type { ParsedInput } from '../../../shared/contracts';
import { dataCategories } from '../../../shared/domain/risks';
import { annexIiiPoints, euAiActRiskClasses, euAiActRoles } from '../../../shared/domain/eu-ai-act';
import { audit, inTransaction, type CoreContext } from '../context';
import { readJson, schema, StoredJsonError, writeJson } from '../db';
import { requireEngagement } from '../engagements';
import { conflict, notFound } from '../errors';

const { aiSystems, riskAiSystems, impactAssessments } = schema;

const categories = z.array(z.enum(dataCategories));
const names = z.array(z.string());
const storedRoles = z.array(z.enum(euAiActRoles));
const storedClass = z.enum(euAiActRiskClasses).nullable();
const storedPoint = z.union(annexIiiPoints.map((n) => z.literal(n))).nullable();

/** A scoping column checked as it is read: a damaged value is reported, never guessed. */
function checked<S extends z.ZodType>(schema: S, value: unknown, column: string): z.output<S> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new StoredJsonError(column, `unexpected value ${String(value)}`);
  return parsed.data;
}

function selectSystems(ctx: CoreContext) {
  const { db } = ctx.store;
  return db
    .select({
      ...getTableColumns(aiSystems),
      riskCount: db.$count(riskAiSystems, eq(riskAiSystems.aiSystemId, aiSystems.id)),
      impactAssessmentCount: db.$count(
        impactAssessments,
        eq(impactAssessments.aiSystemId, aiSystems.id),
      ),
    })
    .from(aiSystems);
}

type SystemRow = typeof aiSystems.$inferSelect & {
  riskCount: number;
  impactAssessmentCount: number;
};

function toAiSystem(row: SystemRow): AiSystem {
  const {
    dataCategoriesJson,
    affectedPartiesJson,
    thirdPartiesJson,
    euAiActRolesJson,
    euAiActRiskClass,
    euAiActAnnexIiiPoint,
    ...rest
  } = row;
  return {
    ...rest,
    dataCategories: readJson(categories, dataCategoriesJson, 'ai_systems.data_categories_json'),
    affectedParties: readJson(names, affectedPartiesJson, 'ai_systems.affected_parties_json'),
    thirdParties: readJson(names, thirdPartiesJson, 'ai_systems.third_parties_json'),
    euAiActRoles: readJson(storedRoles, euAiActRolesJson, 'ai_systems.eu_ai_act_roles_json'),
    euAiActRiskClass: checked(storedClass, euAiActRiskClass, 'ai_systems.eu_ai_act_risk_class'),
    euAiActAnnexIiiPoint: checked(
      storedPoint,
      euAiActAnnexIiiPoint,
      'ai_systems.eu_ai_act_annex_iii_point',
    ),
  };
}

export function listAiSystems(ctx: CoreContext, engagementId: string): AiSystem[] {
  requireEngagement(ctx, engagementId);
  return selectSystems(ctx)
    .where(eq(aiSystems.engagementId, engagementId))
    .orderBy(sql`${aiSystems.name} COLLATE NOCASE`, asc(aiSystems.id))
    .all()
    .map(toAiSystem);
}

export function getAiSystem(ctx: CoreContext, id: string): AiSystem {
  const row = selectSystems(ctx).where(eq(aiSystems.id, id)).get();
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
    dataCategoriesJson: writeJson(input.dataCategories),
    deploymentContext: input.deploymentContext,
    affectedPartiesJson: writeJson(input.affectedParties),
    owner: input.owner,
    thirdPartiesJson: writeJson(input.thirdParties),
    euAiActRolesJson: writeJson(input.euAiActRoles),
    euAiActRiskClass: input.euAiActRiskClass,
    euAiActAnnexIiiPoint: input.euAiActAnnexIiiPoint,
  } satisfies Partial<typeof aiSystems.$inferInsert>;
}

/** Names are how people (and imported sheets) refer to systems, so they are unique per engagement. */
function assertNameFree(ctx: CoreContext, engagementId: string, name: string, exceptId = '') {
  const clash = ctx.store.db
    .select({ id: aiSystems.id })
    .from(aiSystems)
    .where(
      and(
        eq(aiSystems.engagementId, engagementId),
        sql`lower(${aiSystems.name}) = lower(${name})`,
        ne(aiSystems.id, exceptId),
      ),
    )
    .get();
  if (clash) throw conflict(`An AI system named "${name}" already exists in this engagement.`);
}

export function createAiSystem(ctx: CoreContext, input: ParsedInput<'aiSystems.create'>): AiSystem {
  const { engagementId, ...fields } = input;
  const id = ctx.newId();
  const now = ctx.now();
  return inTransaction(ctx, () => {
    requireEngagement(ctx, engagementId);
    assertNameFree(ctx, engagementId, fields.name);
    ctx.store.db
      .insert(aiSystems)
      .values({
        id,
        engagementId,
        ...columns(fields),
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
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
    ctx.store.db
      .update(aiSystems)
      .set({ ...columns(fields), updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(aiSystems.id, id))
      .run();
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
    ctx.store.db.delete(aiSystems).where(eq(aiSystems.id, id)).run();
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
