import { and, asc, eq, getTableColumns, inArray, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { ImpactAssessment } from '../../../shared/contracts/impact-assessments';
import type { ParsedInput } from '../../../shared/contracts';
import { affectedKinds, impactAreas } from '../../../shared/domain/risks';
import { compareRefs } from '../../../shared/rules/refs';
import { audit, inTransaction, type CoreContext } from '../context';
import { readJson, schema, writeJson } from '../db';
import { requireEngagement } from '../engagements';
import { invalid, notFound } from '../errors';

const { impactAssessments: assessments, impactAssessmentRisks: links, aiSystems, risks } = schema;

type Found = ImpactAssessment & { engagementId: string };

const affectedSchema = z.array(z.object({ kind: z.enum(affectedKinds), who: z.string() }));
const areasSchema = z.array(z.object({ area: z.enum(impactAreas), notes: z.string() }));

/** Impact assessments a filter selects, each with its system and its risks (ordered by ref). */
function select(ctx: CoreContext, where: SQL): Found[] {
  const { db } = ctx.store;
  const rows = db
    .select({
      ...getTableColumns(assessments),
      aiSystemName: aiSystems.name,
      engagementId: aiSystems.engagementId,
    })
    .from(assessments)
    .innerJoin(aiSystems, eq(aiSystems.id, assessments.aiSystemId))
    .where(where)
    .orderBy(sql`${aiSystems.name} COLLATE NOCASE`, asc(assessments.createdAt))
    .all();
  if (rows.length === 0) return [];
  const linked = db
    .select({ assessmentId: links.impactAssessmentId, id: risks.id, ref: risks.ref })
    .from(links)
    .innerJoin(risks, eq(risks.id, links.riskId))
    .where(
      inArray(
        links.impactAssessmentId,
        rows.map((r) => r.id),
      ),
    )
    .all();
  return rows.map((row) => {
    const { affectedJson, impactAreasJson, ...rest } = row;
    const own = linked
      .filter((l) => l.assessmentId === row.id)
      .sort((a, b) => compareRefs(a.ref, b.ref));
    return {
      ...rest,
      affected: readJson(affectedSchema, affectedJson, 'impact_assessments.affected_json'),
      impactAreas: readJson(areasSchema, impactAreasJson, 'impact_assessments.impact_areas_json'),
      riskIds: own.map((r) => r.id),
      riskRefs: own.map((r) => r.ref),
    };
  });
}

const strip = ({ engagementId: _e, ...rest }: Found): ImpactAssessment => rest;

export function listImpactAssessments(
  ctx: CoreContext,
  input: ParsedInput<'impactAssessments.list'>,
): ImpactAssessment[] {
  requireEngagement(ctx, input.engagementId);
  const filter = and(
    eq(aiSystems.engagementId, input.engagementId),
    input.aiSystemId ? eq(aiSystems.id, input.aiSystemId) : undefined,
  );
  return filter ? select(ctx, filter).map(strip) : [];
}

function find(ctx: CoreContext, id: string): Found {
  const [found] = select(ctx, eq(assessments.id, id));
  if (!found) throw notFound('Impact assessment', id);
  return found;
}

function systemEngagement(ctx: CoreContext, aiSystemId: string): string {
  const row = ctx.store.db
    .select({ engagementId: aiSystems.engagementId })
    .from(aiSystems)
    .where(eq(aiSystems.id, aiSystemId))
    .get();
  if (!row) throw notFound('AI system', aiSystemId);
  return row.engagementId;
}

type Fields = Omit<ParsedInput<'impactAssessments.create'>, 'aiSystemId'>;

function columns(fields: Fields) {
  return {
    affectedJson: writeJson(fields.affected),
    impactAreasJson: writeJson(fields.impactAreas),
    severity: fields.severity,
    likelihood: fields.likelihood,
    measuresInPlace: fields.measuresInPlace,
    measuresPlanned: fields.measuresPlanned,
    reviewer: fields.reviewer,
    reviewedOn: fields.reviewedOn,
    outcome: fields.outcome,
  } satisfies Partial<typeof assessments.$inferInsert>;
}

/** The linked risks must belong to the assessed system's engagement; links are replaced whole. */
function replaceRisks(ctx: CoreContext, id: string, engagementId: string, riskIds: string[]) {
  const { db } = ctx.store;
  const wanted = [...new Set(riskIds)];
  const known = new Set(
    wanted.length === 0
      ? []
      : db
          .select({ id: risks.id })
          .from(risks)
          .where(and(inArray(risks.id, wanted), eq(risks.engagementId, engagementId)))
          .all()
          .map((r) => r.id),
  );
  for (const riskId of riskIds) {
    if (!known.has(riskId)) throw invalid('riskIds', `${riskId} is not a risk of this engagement`);
  }
  db.delete(links).where(eq(links.impactAssessmentId, id)).run();
  if (wanted.length > 0)
    db.insert(links)
      .values(wanted.map((riskId) => ({ impactAssessmentId: id, riskId })))
      .run();
}

export function createImpactAssessment(
  ctx: CoreContext,
  input: ParsedInput<'impactAssessments.create'>,
): ImpactAssessment {
  const { aiSystemId, ...fields } = input;
  const id = ctx.newId();
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const engagementId = systemEngagement(ctx, aiSystemId);
    ctx.store.db
      .insert(assessments)
      .values({
        id,
        aiSystemId,
        ...columns(fields),
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
    replaceRisks(ctx, id, engagementId, fields.riskIds);
    audit(ctx, now, {
      action: 'impactAssessment.create',
      entityType: 'impact_assessment',
      entityId: id,
      scopeId: engagementId,
      after: input,
    });
    return strip(find(ctx, id));
  });
}

export function updateImpactAssessment(
  ctx: CoreContext,
  input: ParsedInput<'impactAssessments.update'>,
): ImpactAssessment {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = find(ctx, id);
    ctx.store.db
      .update(assessments)
      .set({ ...columns(fields), updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(assessments.id, id))
      .run();
    replaceRisks(ctx, id, before.engagementId, fields.riskIds);
    audit(ctx, now, {
      action: 'impactAssessment.update',
      entityType: 'impact_assessment',
      entityId: id,
      scopeId: before.engagementId,
      before: strip(before),
      after: fields,
    });
    return strip(find(ctx, id));
  });
}

export function deleteImpactAssessment(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = find(ctx, id);
    ctx.store.db.delete(assessments).where(eq(assessments.id, id)).run();
    audit(ctx, now, {
      action: 'impactAssessment.delete',
      entityType: 'impact_assessment',
      entityId: id,
      scopeId: before.engagementId,
      before: strip(before),
    });
  });
  return { ok: true };
}
