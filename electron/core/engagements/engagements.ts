import type { Engagement } from '../../../shared/contracts/engagements';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { notFound } from '../errors';

interface EngagementRow {
  id: string;
  clientName: string;
  aimsScope: string;
  aiRolesJson: string;
  sitesJson: string;
  leadAssessor: string;
  startDate: string | null;
  endDate: string | null;
  notes: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
  assessmentCount: number;
}

const SELECT = `
  SELECT e.id, e.client_name AS clientName, e.aims_scope AS aimsScope, e.ai_roles_json AS aiRolesJson,
    e.sites_json AS sitesJson, e.lead_assessor AS leadAssessor, e.start_date AS startDate, e.end_date AS endDate,
    e.notes, e.created_at AS createdAt, e.updated_at AS updatedAt, e.updated_by AS updatedBy,
    (SELECT count(*) FROM assessments a WHERE a.engagement_id = e.id) AS assessmentCount
  FROM engagements e`;

function toEngagement(row: EngagementRow): Engagement {
  const { aiRolesJson, sitesJson, ...rest } = row;
  return {
    ...rest,
    aiRoles: JSON.parse(aiRolesJson) as Engagement['aiRoles'],
    sites: JSON.parse(sitesJson) as string[],
  };
}

export function listEngagements(ctx: CoreContext): Engagement[] {
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} ORDER BY e.updated_at DESC, e.id`)
    .all() as EngagementRow[];
  return rows.map(toEngagement);
}

export function getEngagement(ctx: CoreContext, id: string): Engagement {
  const row = ctx.store.sqlite.prepare(`${SELECT} WHERE e.id = ?`).get(id) as
    EngagementRow | undefined;
  if (!row) throw notFound('Engagement', id);
  return toEngagement(row);
}

type Fields = ParsedInput<'engagements.create'>;

function columns(input: Fields) {
  return {
    clientName: input.clientName,
    aimsScope: input.aimsScope,
    aiRolesJson: JSON.stringify(input.aiRoles),
    sitesJson: JSON.stringify(input.sites),
    leadAssessor: input.leadAssessor,
    startDate: input.startDate,
    endDate: input.endDate,
    notes: input.notes,
  };
}

export function createEngagement(ctx: CoreContext, input: Fields): Engagement {
  const id = ctx.newId();
  const now = ctx.now();
  return inTransaction(ctx, () => {
    ctx.store.sqlite
      .prepare(
        `INSERT INTO engagements (id, client_name, aims_scope, ai_roles_json, sites_json, lead_assessor, start_date, end_date, notes, created_at, updated_at, updated_by)
         VALUES (@id, @clientName, @aimsScope, @aiRolesJson, @sitesJson, @leadAssessor, @startDate, @endDate, @notes, @now, @now, @actor)`,
      )
      .run({ id, ...columns(input), now, actor: ctx.actor() });
    const created = getEngagement(ctx, id);
    audit(ctx, now, {
      action: 'engagement.create',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      after: input,
    });
    return created;
  });
}

export function updateEngagement(
  ctx: CoreContext,
  input: ParsedInput<'engagements.update'>,
): Engagement {
  const { id, ...fields } = input;
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getEngagement(ctx, id);
    ctx.store.sqlite
      .prepare(
        `UPDATE engagements SET client_name = @clientName, aims_scope = @aimsScope, ai_roles_json = @aiRolesJson,
           sites_json = @sitesJson, lead_assessor = @leadAssessor, start_date = @startDate, end_date = @endDate,
           notes = @notes, updated_at = @now, updated_by = @actor WHERE id = @id`,
      )
      .run({ id, ...columns(fields), now, actor: ctx.actor() });
    const after = getEngagement(ctx, id);
    audit(ctx, now, {
      action: 'engagement.update',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      before: { ...before, assessmentCount: undefined },
      after: fields,
    });
    return after;
  });
}

export function deleteEngagement(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getEngagement(ctx, id);
    ctx.store.sqlite.prepare('DELETE FROM engagements WHERE id = ?').run(id);
    audit(ctx, now, {
      action: 'engagement.delete',
      entityType: 'engagement',
      entityId: id,
      scopeId: id,
      before,
    });
  });
  return { ok: true };
}
