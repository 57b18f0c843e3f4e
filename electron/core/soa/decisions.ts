import { eq } from 'drizzle-orm';
import {
  implementationStatuses,
  type ImplementationStatus,
} from '../../../shared/domain/assessment';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';

export interface SoaDecision {
  ref: string;
  applicable: boolean;
  justification: string;
  implementationStatus: ImplementationStatus;
}

const isImplementation = (value: string): value is ImplementationStatus =>
  (implementationStatuses as readonly string[]).includes(value);

/** The decisions recorded in an assessment's SoA, by control ref (undecided controls absent). */
export function soaDecisions(
  ctx: CoreContext,
  assessmentId: string,
  frameworkId: string,
): SoaDecision[] {
  const index = requirementIndex(ctx, frameworkId);
  return ctx.store.db
    .select({
      id: schema.soaEntries.requirementId,
      applicable: schema.soaEntries.applicable,
      justification: schema.soaEntries.justification,
      implementationStatus: schema.soaEntries.implementationStatus,
    })
    .from(schema.soaEntries)
    .where(eq(schema.soaEntries.assessmentId, assessmentId))
    .all()
    .flatMap((e) => {
      const ref = index.byId.get(e.id)?.ref;
      if (!ref) return [];
      const implementationStatus = isImplementation(e.implementationStatus)
        ? e.implementationStatus
        : 'planned';
      return [
        { ref, applicable: e.applicable, justification: e.justification, implementationStatus },
      ];
    });
}
