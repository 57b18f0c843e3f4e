import { desc, eq, getTableColumns, sql } from 'drizzle-orm';
import { assessmentSchema, type Assessment } from '../../../shared/contracts/assessments';
import { scopingAnswersSchema } from '../../../shared/catalog/scoping';
import { inScope } from '../../../shared/rules/scope';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { preparedOnce, readJson, schema, type Db } from '../db';
import { notFound, readOnly } from '../errors';

const { assessments, engagements, responses } = schema;

function selectAssessments(db: Db) {
  return db
    .select({ ...getTableColumns(assessments), clientName: engagements.clientName })
    .from(assessments)
    .innerJoin(engagements, eq(engagements.id, assessments.engagementId));
}

type AssessmentRow = ReturnType<ReturnType<typeof selectAssessments>['all']>[number];

/** An assessment as stored, its JSON columns read: what a change needs to check against. */
export type AssessmentRecord = Omit<Assessment, 'progress'>;

// Read on every answer saved (responses.save checks the assessment first), so prepared once.
const byId = preparedOnce((db) =>
  selectAssessments(db)
    .where(eq(assessments.id, sql.placeholder('id')))
    .prepare(),
);

function toRecord(row: AssessmentRow): AssessmentRecord {
  return {
    id: row.id,
    engagementId: row.engagementId,
    clientName: row.clientName,
    frameworkId: row.frameworkId,
    title: row.title,
    status: row.status,
    excludedAreas: readJson(
      assessmentSchema.shape.excludedAreas,
      row.excludedAreasJson,
      'assessments.excluded_areas_json',
    ),
    plannedStart: row.plannedStart,
    plannedEnd: row.plannedEnd,
    lastRequirementId: row.lastRequirementId,
    scoping: readJson(scopingAnswersSchema, row.scopingJson, 'assessments.scoping_json'),
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    updatedBy: row.updatedBy,
  };
}

/** Answered and flagged requirements among those in scope. */
function progress(ctx: CoreContext, record: AssessmentRecord): Assessment['progress'] {
  const index = requirementIndex(ctx, record.frameworkId);
  const inScopeIds = new Set(
    index.assessable.filter((r) => inScope(r.ref, record.excludedAreas)).map((r) => r.id),
  );
  const answers = ctx.store.db
    .select({
      requirementId: responses.requirementId,
      result: responses.result,
      followUp: responses.followUp,
    })
    .from(responses)
    .where(eq(responses.assessmentId, record.id))
    .all();
  let assessed = 0;
  let flagged = 0;
  for (const a of answers) {
    if (!inScopeIds.has(a.requirementId)) continue;
    if (a.result !== 'not-assessed') assessed += 1;
    if (a.followUp) flagged += 1;
  }
  return { assessed, total: inScopeIds.size, flagged };
}

function withProgress(ctx: CoreContext, record: AssessmentRecord): Assessment {
  return { ...record, progress: progress(ctx, record) };
}

/** The stored assessment, without its progress; refused when there is none. */
export function assessmentRecord(ctx: CoreContext, id: string): AssessmentRecord {
  const found = byId(ctx.store.db).get({ id });
  if (!found) throw notFound('Assessment', id);
  return toRecord(found);
}

export function listAssessments(ctx: CoreContext, engagementId?: string): Assessment[] {
  const query = selectAssessments(ctx.store.db);
  const rows = (engagementId ? query.where(eq(assessments.engagementId, engagementId)) : query)
    .orderBy(desc(assessments.updatedAt))
    .all();
  return rows.map((row) => withProgress(ctx, toRecord(row)));
}

export function getAssessment(ctx: CoreContext, id: string): Assessment {
  return withProgress(ctx, assessmentRecord(ctx, id));
}

/** The assessment a change belongs to, refused when it is final (read-only until reopened). */
export function writableAssessment(ctx: CoreContext, id: string): AssessmentRecord {
  const found = assessmentRecord(ctx, id);
  if (found.status === 'final') {
    throw readOnly(
      `“${found.title}” is final and read-only. Reopen it (with a reason) to change anything.`,
    );
  }
  return found;
}
