import { eq } from 'drizzle-orm';
import type { InterviewSession } from '../../../shared/contracts/sessions';
import type { ParsedInput } from '../../../shared/contracts';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema, writeJson } from '../db';
import { invalid } from '../errors';
import { getSession } from './queries';

const { interviewSessions: sessions, interviewSessionRequirements: covered } = schema;

type Fields = Omit<ParsedInput<'sessions.create'>, 'assessmentId'>;

function writeCovered(
  ctx: CoreContext,
  frameworkId: string,
  sessionId: string,
  requirementIds: string[],
) {
  const index = requirementIndex(ctx, frameworkId);
  requirementIds.forEach((id, i) => {
    if (!index.byId.get(id)?.assessable)
      throw invalid(`requirementIds.${i}`, `${id} is not an assessable requirement`);
  });
  const { db } = ctx.store;
  db.delete(covered).where(eq(covered.sessionId, sessionId)).run();
  for (const id of requirementIds) {
    db.insert(covered).values({ sessionId, requirementId: id }).onConflictDoNothing().run();
  }
}

/** The columns a person edits, from the contract's fields. */
function columns(f: Fields) {
  return {
    heldAt: f.heldAt,
    intervieweesJson: writeJson(f.interviewees),
    attendeesJson: writeJson(f.attendees),
    notes: f.notes,
  };
}

const view = (f: Fields) => ({
  heldAt: f.heldAt,
  interviewees: f.interviewees,
  attendees: f.attendees,
  requirementIds: f.requirementIds,
  notes: f.notes,
});

export function createSession(
  ctx: CoreContext,
  input: ParsedInput<'sessions.create'>,
): InterviewSession {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const assessment = writableAssessment(ctx, input.assessmentId);
    const id = ctx.newId();
    ctx.store.db
      .insert(sessions)
      .values({
        id,
        assessmentId: input.assessmentId,
        ...columns(input),
        createdAt: now,
        updatedAt: now,
        updatedBy: ctx.actor(),
      })
      .run();
    writeCovered(ctx, assessment.frameworkId, id, input.requirementIds);
    audit(ctx, now, {
      action: 'session.create',
      entityType: 'session',
      entityId: id,
      scopeId: input.assessmentId,
      after: view(input),
    });
    return getSession(ctx, id);
  });
}

export function updateSession(
  ctx: CoreContext,
  input: ParsedInput<'sessions.update'>,
): InterviewSession {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const before = getSession(ctx, input.id);
    const assessment = writableAssessment(ctx, before.assessmentId);
    ctx.store.db
      .update(sessions)
      .set({ ...columns(input), updatedAt: now, updatedBy: ctx.actor() })
      .where(eq(sessions.id, input.id))
      .run();
    writeCovered(ctx, assessment.frameworkId, input.id, input.requirementIds);
    audit(ctx, now, {
      action: 'session.update',
      entityType: 'session',
      entityId: input.id,
      scopeId: before.assessmentId,
      before: view(before),
      after: view(input),
    });
    return getSession(ctx, input.id);
  });
}

export function deleteSession(ctx: CoreContext, id: string): { ok: true } {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = getSession(ctx, id);
    writableAssessment(ctx, before.assessmentId);
    ctx.store.db.delete(sessions).where(eq(sessions.id, id)).run();
    audit(ctx, now, {
      action: 'session.delete',
      entityType: 'session',
      entityId: id,
      scopeId: before.assessmentId,
      before: view(before),
    });
  });
  return { ok: true };
}
