import type { ImpactAssessment } from '../../../shared/contracts/impact-assessments';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import { requireEngagement } from '../engagements';
import { compareRefs } from './risk-lookups';

interface Row {
  id: string;
  aiSystemId: string;
  aiSystemName: string;
  engagementId: string;
  affectedJson: string;
  impactAreasJson: string;
  severity: number;
  likelihood: number;
  measuresInPlace: string;
  measuresPlanned: string;
  reviewer: string;
  reviewedOn: string | null;
  outcome: string;
  risksJson: string | null;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `
  SELECT i.id, i.ai_system_id AS aiSystemId, s.name AS aiSystemName, s.engagement_id AS engagementId,
    i.affected_json AS affectedJson, i.impact_areas_json AS impactAreasJson, i.severity, i.likelihood,
    i.measures_in_place AS measuresInPlace, i.measures_planned AS measuresPlanned, i.reviewer,
    i.reviewed_on AS reviewedOn, i.outcome,
    (SELECT json_group_array(json_array(r.id, r.ref)) FROM impact_assessment_risks x
       JOIN risks r ON r.id = x.risk_id WHERE x.impact_assessment_id = i.id) AS risksJson,
    i.created_at AS createdAt, i.updated_at AS updatedAt, i.updated_by AS updatedBy
  FROM impact_assessments i JOIN ai_systems s ON s.id = i.ai_system_id`;

function toAssessment(row: Row): ImpactAssessment & { engagementId: string } {
  const { affectedJson, impactAreasJson, risksJson, ...rest } = row;
  const risks = (risksJson ? (JSON.parse(risksJson) as [string, string][]) : []).sort((a, b) =>
    compareRefs(a[1], b[1]),
  );
  return {
    ...rest,
    affected: JSON.parse(affectedJson) as ImpactAssessment['affected'],
    impactAreas: JSON.parse(impactAreasJson) as ImpactAssessment['impactAreas'],
    riskIds: risks.map((r) => r[0]),
    riskRefs: risks.map((r) => r[1]),
  };
}

export function listImpactAssessments(
  ctx: CoreContext,
  input: ParsedInput<'impactAssessments.list'>,
): ImpactAssessment[] {
  requireEngagement(ctx, input.engagementId);
  const rows = ctx.store.sqlite
    .prepare(
      `${SELECT} WHERE s.engagement_id = @engagementId AND (@aiSystemId IS NULL OR s.id = @aiSystemId)
       ORDER BY s.name COLLATE NOCASE, i.created_at`,
    )
    .all({ engagementId: input.engagementId, aiSystemId: input.aiSystemId ?? null }) as Row[];
  return rows.map((row) => strip(toAssessment(row)));
}

const strip = ({ engagementId: _e, ...rest }: ImpactAssessment & { engagementId: string }) => rest;

function find(ctx: CoreContext, id: string) {
  const row = ctx.store.sqlite.prepare(`${SELECT} WHERE i.id = ?`).get(id) as Row | undefined;
  if (!row) throw notFound('Impact assessment', id);
  return toAssessment(row);
}

function systemEngagement(ctx: CoreContext, aiSystemId: string): string {
  const row = ctx.store.sqlite
    .prepare('SELECT engagement_id AS engagementId FROM ai_systems WHERE id = ?')
    .get(aiSystemId) as { engagementId: string } | undefined;
  if (!row) throw notFound('AI system', aiSystemId);
  return row.engagementId;
}

type Fields = Omit<ParsedInput<'impactAssessments.create'>, 'aiSystemId'>;

function write(ctx: CoreContext, id: string, engagementId: string, fields: Fields, now: string) {
  const sqlite = ctx.store.sqlite;
  const inEngagement = sqlite.prepare('SELECT 1 FROM risks WHERE id = ? AND engagement_id = ?');
  for (const riskId of fields.riskIds) {
    if (!inEngagement.get(riskId, engagementId)) {
      throw invalid('riskIds', `${riskId} is not a risk of this engagement`);
    }
  }
  sqlite
    .prepare(
      `UPDATE impact_assessments SET affected_json = @affectedJson, impact_areas_json = @impactAreasJson,
         severity = @severity, likelihood = @likelihood, measures_in_place = @measuresInPlace,
         measures_planned = @measuresPlanned, reviewer = @reviewer, reviewed_on = @reviewedOn, outcome = @outcome,
         updated_at = @now, updated_by = @actor WHERE id = @id`,
    )
    .run({
      id,
      affectedJson: JSON.stringify(fields.affected),
      impactAreasJson: JSON.stringify(fields.impactAreas),
      severity: fields.severity,
      likelihood: fields.likelihood,
      measuresInPlace: fields.measuresInPlace,
      measuresPlanned: fields.measuresPlanned,
      reviewer: fields.reviewer,
      reviewedOn: fields.reviewedOn,
      outcome: fields.outcome,
      now,
      actor: ctx.actor(),
    });
  sqlite.prepare('DELETE FROM impact_assessment_risks WHERE impact_assessment_id = ?').run(id);
  const link = sqlite.prepare(
    'INSERT INTO impact_assessment_risks (impact_assessment_id, risk_id) VALUES (?, ?)',
  );
  for (const riskId of new Set(fields.riskIds)) link.run(id, riskId);
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
    // Insert the row with its required columns first, then one write path fills everything.
    ctx.store.sqlite
      .prepare(
        `INSERT INTO impact_assessments (id, ai_system_id, severity, likelihood, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(id, aiSystemId, fields.severity, fields.likelihood, now, now, ctx.actor());
    write(ctx, id, engagementId, fields, now);
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
    write(ctx, id, before.engagementId, fields, now);
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
    ctx.store.sqlite.prepare('DELETE FROM impact_assessments WHERE id = ?').run(id);
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
