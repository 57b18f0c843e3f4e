import { and, asc, eq, inArray, isNull, ne, sql } from 'drizzle-orm';
import { z } from 'zod';
import type {
  CorrectiveAction,
  FindingWithoutAction,
} from '../../../shared/contracts/corrective-actions';
import { causeCategories, daysOverdue } from '../../../shared/rules/corrective-actions';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';

const { assessments, correctiveActions, findings, requirements } = schema;

const whysSchema = z.array(z.string());
const categoriesSchema = z.array(z.enum(causeCategories));

const columns = {
  action: correctiveActions,
  finding: {
    ref: findings.ref,
    grade: findings.grade,
    statement: findings.statement,
    status: findings.status,
    closedAt: findings.closedAt,
    assessmentId: findings.assessmentId,
    assessmentTitle: assessments.title,
    requirementRef: requirements.ref,
    requirementTitle: requirements.title,
  },
};

function joined(ctx: CoreContext) {
  return ctx.store.db
    .select(columns)
    .from(correctiveActions)
    .innerJoin(findings, eq(findings.id, correctiveActions.findingId))
    .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
    .innerJoin(requirements, eq(requirements.id, findings.requirementId));
}

type Joined = ReturnType<ReturnType<typeof joined>['all']>[number];

function toAction(row: Joined, today: string): CorrectiveAction {
  const { whysJson, causeCategoriesJson, ...a } = row.action;
  return {
    ...a,
    whys: readJson(whysSchema, whysJson, 'corrective_actions.whys_json'),
    causeCategories: readJson(
      categoriesSchema,
      causeCategoriesJson,
      'corrective_actions.cause_categories_json',
    ),
    finding: row.finding,
    daysOverdue: daysOverdue(a.status, a.dueDate, today),
  };
}

const today = (ctx: CoreContext) => ctx.now().slice(0, 10);

/** The corrective action of a finding, or null when none has been started. */
export function actionOf(ctx: CoreContext, findingId: string): CorrectiveAction | null {
  const row = joined(ctx).where(eq(correctiveActions.findingId, findingId)).get();
  return row ? toAction(row, today(ctx)) : null;
}

/**
 * The register: every action of the engagement, whichever cycle raised its finding — late ones
 * first, then by due date, then by the finding's cycle and reference.
 */
export function listActions(ctx: CoreContext, engagementId: string): CorrectiveAction[] {
  const day = today(ctx);
  return joined(ctx)
    .where(eq(correctiveActions.engagementId, engagementId))
    .orderBy(asc(assessments.createdAt), sql`length(${findings.ref})`, asc(findings.ref))
    .all()
    .map((row) => toAction(row, day))
    .sort(
      (x, y) =>
        y.daysOverdue - x.daysOverdue || (x.dueDate ?? '9999').localeCompare(y.dueDate ?? '9999'),
    );
}

/** Nonconformities (major and minor) still open that nobody has started an action for. */
export function findingsWithoutAction(
  ctx: CoreContext,
  engagementId: string,
): FindingWithoutAction[] {
  return ctx.store.db
    .select({
      findingId: findings.id,
      ref: findings.ref,
      grade: findings.grade,
      statement: findings.statement,
      assessmentId: findings.assessmentId,
      assessmentTitle: assessments.title,
      requirementRef: requirements.ref,
      dueDate: findings.dueDate,
    })
    .from(findings)
    .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
    .innerJoin(requirements, eq(requirements.id, findings.requirementId))
    .leftJoin(correctiveActions, eq(correctiveActions.findingId, findings.id))
    .where(
      and(
        eq(assessments.engagementId, engagementId),
        inArray(findings.grade, ['major', 'minor']),
        ne(findings.status, 'closed'),
        isNull(correctiveActions.id),
      ),
    )
    .orderBy(asc(assessments.createdAt), sql`length(${findings.ref})`, asc(findings.ref))
    .all();
}
