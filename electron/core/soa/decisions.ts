import { eq } from 'drizzle-orm';
import type { ImplementationStatus } from '../../../shared/domain/assessment';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';

export interface SoaDecision {
  ref: string;
  requirementId: string;
  applicable: boolean;
  justification: string;
  implementationStatus: ImplementationStatus;
}

/** The decisions recorded in an assessment's SoA, by control ref (undecided controls absent). */
export function soaDecisions(
  ctx: CoreContext,
  assessmentId: string,
  frameworkId: string,
): SoaDecision[] {
  const index = requirementIndex(ctx, frameworkId);
  return ctx.store.db
    .select({
      requirementId: schema.soaEntries.requirementId,
      applicable: schema.soaEntries.applicable,
      justification: schema.soaEntries.justification,
      implementationStatus: schema.soaEntries.implementationStatus,
    })
    .from(schema.soaEntries)
    .where(eq(schema.soaEntries.assessmentId, assessmentId))
    .all()
    .flatMap((decision) => {
      const ref = index.byId.get(decision.requirementId)?.ref;
      return ref ? [{ ref, ...decision }] : [];
    });
}
