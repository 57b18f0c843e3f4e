import { asc, eq, getTableColumns, sql } from 'drizzle-orm';
import type { Finding } from '../../../shared/contracts/findings';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';

const { findings, requirements, auditChecklistItems, internalAudits } = schema;

/**
 * A finding with the ref and title of the requirement it is raised against, and the internal
 * audit whose checklist raised it (the tag the findings log shows).
 */
function selectFindings(ctx: CoreContext) {
  return ctx.store.db
    .select({
      ...getTableColumns(findings),
      requirementRef: requirements.ref,
      requirementTitle: requirements.title,
      auditId: internalAudits.id,
      auditTitle: internalAudits.title,
    })
    .from(findings)
    .innerJoin(requirements, eq(requirements.id, findings.requirementId))
    .leftJoin(auditChecklistItems, eq(auditChecklistItems.findingId, findings.id))
    .leftJoin(internalAudits, eq(internalAudits.id, auditChecklistItems.auditId));
}

type Row = ReturnType<ReturnType<typeof selectFindings>['all']>[number];

function toFinding({ auditId, auditTitle, ...rest }: Row): Finding {
  return {
    ...rest,
    audit: auditId && auditTitle !== null ? { id: auditId, title: auditTitle } : null,
  };
}

/** F-002 before F-010: shorter references first, then in order. */
const byRef = [sql`length(${findings.ref})`, asc(findings.ref)];

export function listFindings(ctx: CoreContext, assessmentId: string): Finding[] {
  return selectFindings(ctx)
    .where(eq(findings.assessmentId, assessmentId))
    .orderBy(...byRef)
    .all()
    .map(toFinding);
}

export function getFinding(ctx: CoreContext, id: string): Finding {
  const found = selectFindings(ctx).where(eq(findings.id, id)).get();
  if (!found) throw notFound('Finding', id);
  return toFinding(found);
}
