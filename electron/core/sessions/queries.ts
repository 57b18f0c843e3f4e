import { asc, desc, eq, getTableColumns } from 'drizzle-orm';
import { sessionSchema, type InterviewSession } from '../../../shared/contracts/sessions';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';

const {
  interviewSessions: sessions,
  interviewSessionRequirements: covered,
  requirements,
  responses,
} = schema;

function selectSessions(ctx: CoreContext) {
  const { db } = ctx.store;
  const { createdAt: _created, ...columns } = getTableColumns(sessions);
  return db
    .select({ ...columns, answerCount: db.$count(responses, eq(responses.sessionId, sessions.id)) })
    .from(sessions);
}

type SessionRow = ReturnType<ReturnType<typeof selectSessions>['all']>[number];

/** The requirements a session covered, in catalog order. */
function coveredBy(ctx: CoreContext, sessionId: string): string[] {
  return ctx.store.db
    .select({ id: covered.requirementId })
    .from(covered)
    .innerJoin(requirements, eq(requirements.id, covered.requirementId))
    .where(eq(covered.sessionId, sessionId))
    .orderBy(asc(requirements.sortOrder))
    .all()
    .map((r) => r.id);
}

function toSession(ctx: CoreContext, row: SessionRow): InterviewSession {
  const { intervieweesJson, attendeesJson, ...rest } = row;
  return {
    ...rest,
    interviewees: readJson(
      sessionSchema.shape.interviewees,
      intervieweesJson,
      'interview_sessions.interviewees_json',
    ),
    attendees: readJson(
      sessionSchema.shape.attendees,
      attendeesJson,
      'interview_sessions.attendees_json',
    ),
    requirementIds: coveredBy(ctx, row.id),
  };
}

export function listSessions(ctx: CoreContext, assessmentId: string): InterviewSession[] {
  return selectSessions(ctx)
    .where(eq(sessions.assessmentId, assessmentId))
    .orderBy(desc(sessions.heldAt))
    .all()
    .map((row) => toSession(ctx, row));
}

export function getSession(ctx: CoreContext, id: string): InterviewSession {
  const row = selectSessions(ctx).where(eq(sessions.id, id)).get();
  if (!row) throw notFound('Interview session', id);
  return toSession(ctx, row);
}
