import { eq } from 'drizzle-orm';
import type { Assessment } from '../../../shared/contracts/assessments';
import type { ParsedInput } from '../../../shared/contracts';
import type { AssessmentStatus } from '../../../shared/domain/assessment';
import { scopingAnswerProblems } from '../../../shared/catalog/scoping';
import { isAssessableFramework, requirementIndex, scopingQuestions } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { invalid, notFound } from '../errors';
import {
  assessmentRecord,
  getAssessment,
  writableAssessment,
  type AssessmentRecord,
} from './queries';

const { assessments, engagements, frameworks } = schema;

export function createAssessment(
  ctx: CoreContext,
  input: ParsedInput<'assessments.create'>,
): Assessment {
  const now = ctx.now();
  const { db } = ctx.store;
  return inTransaction(ctx, () => {
    const engagement = db
      .select({ id: engagements.id })
      .from(engagements)
      .where(eq(engagements.id, input.engagementId))
      .get();
    if (!engagement) throw notFound('Engagement', input.engagementId);
    const framework = db
      .select({ id: frameworks.id })
      .from(frameworks)
      .where(eq(frameworks.id, input.frameworkId))
      .get();
    if (!framework) throw invalid('frameworkId', `no framework "${input.frameworkId}" is loaded`);
    if (!isAssessableFramework(ctx, input.frameworkId)) {
      throw invalid(
        'frameworkId',
        `"${input.frameworkId}" is a reference catalog (browse it in the Catalog); it cannot be assessed`,
      );
    }
    const id = ctx.newId();
    db.insert(assessments)
      .values({
        id,
        engagementId: input.engagementId,
        frameworkId: input.frameworkId,
        title: input.title,
        excludedAreasJson: writeJson([...new Set(input.excludedAreas)]),
        status: 'planned',
        plannedStart: input.plannedStart,
        plannedEnd: input.plannedEnd,
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
    audit(ctx, now, {
      action: 'assessment.create',
      entityType: 'assessment',
      entityId: id,
      scopeId: id,
      after: input,
    });
    return getAssessment(ctx, id);
  });
}

/**
 * Writes columns of one assessment with who changed it and when, and records the change in the
 * audit trail. Call inside the transaction of the change.
 */
function writeAssessment(
  ctx: CoreContext,
  id: string,
  columns: Partial<typeof assessments.$inferInsert>,
  change: { action: string; before: unknown; after: unknown },
  now = ctx.now(),
): void {
  ctx.store.db
    .update(assessments)
    .set({ ...columns, updatedAt: now, updatedBy: ctx.actor() })
    .where(eq(assessments.id, id))
    .run();
  audit(ctx, now, { entityType: 'assessment', entityId: id, scopeId: id, ...change });
}

/** A change to an assessment that is not final: written, audited, and the assessment returned. */
function editAssessment(
  ctx: CoreContext,
  id: string,
  edit: (before: AssessmentRecord) => {
    columns: Partial<typeof assessments.$inferInsert>;
    change: { action: string; before: unknown; after: unknown };
  },
): Assessment {
  return inTransaction(ctx, () => {
    const { columns, change } = edit(writableAssessment(ctx, id));
    writeAssessment(ctx, id, columns, change);
    return getAssessment(ctx, id);
  });
}

export function updateAssessment(
  ctx: CoreContext,
  input: ParsedInput<'assessments.update'>,
): Assessment {
  return editAssessment(ctx, input.id, (before) => ({
    columns: {
      title: input.title,
      excludedAreasJson: writeJson([...new Set(input.excludedAreas)]),
      plannedStart: input.plannedStart,
      plannedEnd: input.plannedEnd,
    },
    change: {
      action: 'assessment.update',
      before: {
        title: before.title,
        excludedAreas: before.excludedAreas,
        plannedStart: before.plannedStart,
        plannedEnd: before.plannedEnd,
      },
      after: input,
    },
  }));
}

/** Moves the status on and records it, with `extra` (a reason) in the audit entry. */
function changeStatus(
  ctx: CoreContext,
  id: string,
  status: AssessmentStatus,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const before = assessmentRecord(ctx, id);
  writeAssessment(
    ctx,
    id,
    { status },
    { action, before: { status: before.status }, after: { status, ...extra } },
  );
}

/** The first answer starts a planned assessment; recorded like any other status change. */
export function startAssessment(ctx: CoreContext, id: string, now: string): void {
  writeAssessment(
    ctx,
    id,
    { status: 'in-progress' },
    {
      action: 'assessment.status',
      before: { status: 'planned' },
      after: { status: 'in-progress' },
    },
    now,
  );
}

export function setAssessmentStatus(
  ctx: CoreContext,
  input: ParsedInput<'assessments.setStatus'>,
): Assessment {
  return inTransaction(ctx, () => {
    const current = assessmentRecord(ctx, input.id);
    if (current.status === input.status) return getAssessment(ctx, input.id);
    writableAssessment(ctx, input.id);
    changeStatus(
      ctx,
      input.id,
      input.status,
      input.status === 'final' ? 'assessment.finalise' : 'assessment.status',
    );
    return getAssessment(ctx, input.id);
  });
}

export function reopenAssessment(
  ctx: CoreContext,
  input: ParsedInput<'assessments.reopen'>,
): Assessment {
  return inTransaction(ctx, () => {
    const current = assessmentRecord(ctx, input.id);
    if (current.status !== 'final') {
      throw invalid('id', 'only a final assessment can be reopened; this one is not final');
    }
    changeStatus(ctx, input.id, 'in-review', 'assessment.reopen', { reason: input.reason });
    return getAssessment(ctx, input.id);
  });
}

export function deleteAssessment(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getAssessment(ctx, id);
    ctx.store.db.delete(assessments).where(eq(assessments.id, id)).run();
    audit(ctx, now, {
      action: 'assessment.delete',
      entityType: 'assessment',
      entityId: id,
      scopeId: id,
      before,
    });
  });
  return { ok: true };
}

/** Navigation, not content: no audit row, and allowed on a final assessment too. */
export function setPosition(ctx: CoreContext, id: string, requirementId: string): { ok: true } {
  const current = assessmentRecord(ctx, id);
  if (!requirementIndex(ctx, current.frameworkId).byId.has(requirementId)) {
    throw invalid('requirementId', `is not a requirement of ${current.frameworkId}`);
  }
  ctx.store.db
    .update(assessments)
    .set({ lastRequirementId: requirementId })
    .where(eq(assessments.id, id))
    .run();
  return { ok: true };
}

export function saveScoping(
  ctx: CoreContext,
  input: ParsedInput<'assessments.saveScoping'>,
): Assessment {
  return editAssessment(ctx, input.id, (before) => {
    const problems = scopingAnswerProblems(
      scopingQuestions(ctx, before.frameworkId),
      input.answers,
      before.scoping,
    );
    if (problems.length > 0) throw invalid('answers', problems.slice(0, 5).join('; '));
    return {
      columns: { scopingJson: writeJson(input.answers) },
      change: { action: 'assessment.scoping', before: before.scoping, after: input.answers },
    };
  });
}
