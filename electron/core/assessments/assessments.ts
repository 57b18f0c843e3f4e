import type { Assessment } from '../../../shared/contracts/assessments';
import type { ParsedInput } from '../../../shared/contracts';
import type { AssessmentStatus } from '../../../shared/domain/assessment';
import { inScope } from '../../../shared/rules/scope';
import { scopingAnswerProblems, scopingAnswersSchema } from '../../../shared/catalog/scoping';
import { audit, inTransaction, type CoreContext } from '../context';
import { readJson } from '../db';
import { invalid, notFound, readOnly } from '../errors';
import { isAssessableFramework, requirementIndex, scopingQuestions } from '../catalog';

interface AssessmentRow {
  id: string;
  engagementId: string;
  clientName: string;
  frameworkId: string;
  title: string;
  status: AssessmentStatus;
  excludedAreasJson: string;
  plannedStart: string | null;
  plannedEnd: string | null;
  lastRequirementId: string | null;
  scopingJson: string;
  createdAt: string;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `
  SELECT a.id, a.engagement_id AS engagementId, e.client_name AS clientName, a.framework_id AS frameworkId,
    a.title, a.status, a.excluded_areas_json AS excludedAreasJson, a.planned_start AS plannedStart,
    a.planned_end AS plannedEnd, a.last_requirement_id AS lastRequirementId, a.scoping_json AS scopingJson,
    a.created_at AS createdAt, a.updated_at AS updatedAt, a.updated_by AS updatedBy
  FROM assessments a JOIN engagements e ON e.id = a.engagement_id`;

function progress(
  ctx: CoreContext,
  row: AssessmentRow,
  excluded: string[],
): Assessment['progress'] {
  const index = requirementIndex(ctx, row.frameworkId);
  const inScopeIds = new Set(
    index.assessable.filter((r) => inScope(r.ref, excluded)).map((r) => r.id),
  );
  const answers = ctx.store.sqlite
    .prepare(
      'SELECT requirement_id AS requirementId, result, follow_up AS followUp FROM responses WHERE assessment_id = ?',
    )
    .all(row.id) as { requirementId: string; result: string; followUp: number }[];
  let assessed = 0;
  let flagged = 0;
  for (const a of answers) {
    if (!inScopeIds.has(a.requirementId)) continue;
    if (a.result !== 'not-assessed') assessed += 1;
    if (a.followUp === 1) flagged += 1;
  }
  return { assessed, total: inScopeIds.size, flagged };
}

function toAssessment(ctx: CoreContext, row: AssessmentRow): Assessment {
  const { excludedAreasJson, scopingJson, ...rest } = row;
  const excludedAreas = JSON.parse(excludedAreasJson) as string[];
  return {
    ...rest,
    excludedAreas,
    scoping: readJson(scopingAnswersSchema, scopingJson, 'assessments.scoping_json'),
    progress: progress(ctx, row, excludedAreas),
  };
}

function row(ctx: CoreContext, id: string): AssessmentRow {
  const found = ctx.store.sqlite.prepare(`${SELECT} WHERE a.id = ?`).get(id) as
    AssessmentRow | undefined;
  if (!found) throw notFound('Assessment', id);
  return found;
}

export function listAssessments(ctx: CoreContext, engagementId?: string): Assessment[] {
  const rows = (
    engagementId
      ? ctx.store.sqlite
          .prepare(`${SELECT} WHERE a.engagement_id = ? ORDER BY a.updated_at DESC`)
          .all(engagementId)
      : ctx.store.sqlite.prepare(`${SELECT} ORDER BY a.updated_at DESC`).all()
  ) as AssessmentRow[];
  return rows.map((r) => toAssessment(ctx, r));
}

export function getAssessment(ctx: CoreContext, id: string): Assessment {
  return toAssessment(ctx, row(ctx, id));
}

/** The assessment a change belongs to, refused when it is final (read-only until reopened). */
export function writableAssessment(ctx: CoreContext, id: string): AssessmentRow {
  const found = row(ctx, id);
  if (found.status === 'final') {
    throw readOnly(
      `“${found.title}” is final and read-only. Reopen it (with a reason) to change anything.`,
    );
  }
  return found;
}

export function createAssessment(
  ctx: CoreContext,
  input: ParsedInput<'assessments.create'>,
): Assessment {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    if (
      !ctx.store.sqlite.prepare('SELECT 1 FROM engagements WHERE id = ?').get(input.engagementId)
    ) {
      throw notFound('Engagement', input.engagementId);
    }
    if (!ctx.store.sqlite.prepare('SELECT 1 FROM frameworks WHERE id = ?').get(input.frameworkId)) {
      throw invalid('frameworkId', `no framework "${input.frameworkId}" is loaded`);
    }
    if (!isAssessableFramework(ctx, input.frameworkId)) {
      throw invalid(
        'frameworkId',
        `"${input.frameworkId}" is a reference catalog (browse it in the Catalog); it cannot be assessed`,
      );
    }
    const id = ctx.newId();
    ctx.store.sqlite
      .prepare(
        `INSERT INTO assessments (id, engagement_id, framework_id, title, excluded_areas_json, status, planned_start, planned_end, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, 'planned', ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.engagementId,
        input.frameworkId,
        input.title,
        JSON.stringify([...new Set(input.excludedAreas)]),
        input.plannedStart,
        input.plannedEnd,
        now,
        now,
        ctx.actor(),
      );
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

export function updateAssessment(
  ctx: CoreContext,
  input: ParsedInput<'assessments.update'>,
): Assessment {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = writableAssessment(ctx, input.id);
    ctx.store.sqlite
      .prepare(
        `UPDATE assessments SET title = ?, excluded_areas_json = ?, planned_start = ?, planned_end = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(
        input.title,
        JSON.stringify([...new Set(input.excludedAreas)]),
        input.plannedStart,
        input.plannedEnd,
        now,
        ctx.actor(),
        input.id,
      );
    audit(ctx, now, {
      action: 'assessment.update',
      entityType: 'assessment',
      entityId: input.id,
      scopeId: input.id,
      before: {
        title: before.title,
        excludedAreas: JSON.parse(before.excludedAreasJson) as unknown,
        plannedStart: before.plannedStart,
        plannedEnd: before.plannedEnd,
      },
      after: input,
    });
    return getAssessment(ctx, input.id);
  });
}

function changeStatus(
  ctx: CoreContext,
  id: string,
  status: AssessmentStatus,
  action: string,
  extra: Record<string, unknown> = {},
) {
  const now = ctx.now();
  const before = row(ctx, id);
  ctx.store.sqlite
    .prepare('UPDATE assessments SET status = ?, updated_at = ?, updated_by = ? WHERE id = ?')
    .run(status, now, ctx.actor(), id);
  audit(ctx, now, {
    action,
    entityType: 'assessment',
    entityId: id,
    scopeId: id,
    before: { status: before.status },
    after: { status, ...extra },
  });
}

export function setAssessmentStatus(
  ctx: CoreContext,
  input: ParsedInput<'assessments.setStatus'>,
): Assessment {
  return inTransaction(ctx, () => {
    const current = row(ctx, input.id);
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
    const current = row(ctx, input.id);
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
    ctx.store.sqlite.prepare('DELETE FROM assessments WHERE id = ?').run(id);
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
  const current = row(ctx, id);
  if (!requirementIndex(ctx, current.frameworkId).byId.has(requirementId)) {
    throw invalid('requirementId', `is not a requirement of ${current.frameworkId}`);
  }
  ctx.store.sqlite
    .prepare('UPDATE assessments SET last_requirement_id = ? WHERE id = ?')
    .run(requirementId, id);
  return { ok: true };
}

export function saveScoping(
  ctx: CoreContext,
  input: ParsedInput<'assessments.saveScoping'>,
): Assessment {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = writableAssessment(ctx, input.id);
    const problems = scopingAnswerProblems(
      scopingQuestions(ctx, before.frameworkId),
      input.answers,
      readJson(scopingAnswersSchema, before.scopingJson, 'assessments.scoping_json'),
    );
    if (problems.length > 0) throw invalid('answers', problems.slice(0, 5).join('; '));
    ctx.store.sqlite
      .prepare(
        'UPDATE assessments SET scoping_json = ?, updated_at = ?, updated_by = ? WHERE id = ?',
      )
      .run(JSON.stringify(input.answers), now, ctx.actor(), input.id);
    audit(ctx, now, {
      action: 'assessment.scoping',
      entityType: 'assessment',
      entityId: input.id,
      scopeId: input.id,
      before: JSON.parse(before.scopingJson) as unknown,
      after: input.answers,
    });
    return getAssessment(ctx, input.id);
  });
}
