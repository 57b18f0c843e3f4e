import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Finding } from '../../../shared/contracts/findings';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';

const { findings, requirements } = schema;

/** A finding with the ref and title of the requirement it is raised against. */
function selectFindings(ctx: CoreContext) {
  return ctx.store.db
    .select({
      ...getTableColumns(findings),
      requirementRef: requirements.ref,
      requirementTitle: requirements.title,
    })
    .from(findings)
    .innerJoin(requirements, eq(requirements.id, findings.requirementId));
}

/** F-002 before F-010: shorter references first, then in order. */
const byRef = [sql`length(${findings.ref})`, asc(findings.ref)];

export function listFindings(ctx: CoreContext, assessmentId: string): Finding[] {
  return selectFindings(ctx)
    .where(eq(findings.assessmentId, assessmentId))
    .orderBy(...byRef)
    .all();
}

export function getFinding(ctx: CoreContext, id: string): Finding {
  const found = selectFindings(ctx).where(eq(findings.id, id)).get();
  if (!found) throw notFound('Finding', id);
  return found;
}
