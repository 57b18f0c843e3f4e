import { desc, asc, eq, getTableColumns } from 'drizzle-orm';
import { engagementSchema, type Engagement } from '../../../shared/contracts/engagements';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const { engagements, assessments } = schema;

function selectEngagements(ctx: CoreContext) {
  const { db } = ctx.store;
  return db
    .select({
      ...getTableColumns(engagements),
      assessmentCount: db.$count(assessments, eq(assessments.engagementId, engagements.id)),
    })
    .from(engagements);
}

type EngagementRow = ReturnType<ReturnType<typeof selectEngagements>['all']>[number];

function toEngagement(row: EngagementRow): Engagement {
  const { aiRolesJson, sitesJson, ...rest } = row;
  return {
    ...rest,
    aiRoles: readJson(engagementSchema.shape.aiRoles, aiRolesJson, 'engagements.ai_roles_json'),
    sites: readJson(engagementSchema.shape.sites, sitesJson, 'engagements.sites_json'),
  };
}

export function listEngagements(ctx: CoreContext): Engagement[] {
  return selectEngagements(ctx)
    .orderBy(desc(engagements.updatedAt), asc(engagements.id))
    .all()
    .map(toEngagement);
}

export function getEngagement(ctx: CoreContext, id: string): Engagement {
  const row = selectEngagements(ctx).where(eq(engagements.id, id)).get();
  if (!row) throw notFound('Engagement', id);
  return toEngagement(row);
}

/** Everything in the risk area belongs to an engagement; refuse early when it does not exist. */
export function requireEngagement(ctx: CoreContext, engagementId: string): void {
  const found = ctx.store.db
    .select({ id: engagements.id })
    .from(engagements)
    .where(eq(engagements.id, engagementId))
    .get();
  if (!found) throw notFound('Engagement', engagementId);
}
