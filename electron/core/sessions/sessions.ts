import type { InterviewSession } from '../../../shared/contracts/sessions';
import type { ParsedInput } from '../../../shared/contracts';
import { audit, inTransaction, type CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';

interface SessionRow {
  id: string;
  assessmentId: string;
  heldAt: string;
  intervieweesJson: string;
  attendeesJson: string;
  notes: string;
  updatedAt: string;
  updatedBy: string;
  answerCount: number;
}

const SELECT = `SELECT s.id, s.assessment_id AS assessmentId, s.held_at AS heldAt, s.interviewees_json AS intervieweesJson,
  s.attendees_json AS attendeesJson, s.notes, s.updated_at AS updatedAt, s.updated_by AS updatedBy,
  (SELECT count(*) FROM responses r WHERE r.session_id = s.id) AS answerCount
  FROM interview_sessions s`;

function covered(ctx: CoreContext, sessionId: string): string[] {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT sr.requirement_id AS id FROM interview_session_requirements sr
       JOIN requirements r ON r.id = sr.requirement_id WHERE sr.session_id = ? ORDER BY r.sort_order`,
    )
    .all(sessionId) as { id: string }[];
  return rows.map((r) => r.id);
}

function toSession(ctx: CoreContext, row: SessionRow): InterviewSession {
  const { intervieweesJson, attendeesJson, ...rest } = row;
  return {
    ...rest,
    interviewees: JSON.parse(intervieweesJson) as InterviewSession['interviewees'],
    attendees: JSON.parse(attendeesJson) as string[],
    requirementIds: covered(ctx, row.id),
  };
}

export function listSessions(ctx: CoreContext, assessmentId: string): InterviewSession[] {
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} WHERE s.assessment_id = ? ORDER BY s.held_at DESC`)
    .all(assessmentId) as SessionRow[];
  return rows.map((r) => toSession(ctx, r));
}

export function getSession(ctx: CoreContext, id: string): InterviewSession {
  const row = ctx.store.sqlite.prepare(`${SELECT} WHERE s.id = ?`).get(id) as
    SessionRow | undefined;
  if (!row) throw notFound('Interview session', id);
  return toSession(ctx, row);
}

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
  ctx.store.sqlite
    .prepare('DELETE FROM interview_session_requirements WHERE session_id = ?')
    .run(sessionId);
  const insert = ctx.store.sqlite.prepare(
    'INSERT OR IGNORE INTO interview_session_requirements (session_id, requirement_id) VALUES (?, ?)',
  );
  for (const id of requirementIds) insert.run(sessionId, id);
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
    ctx.store.sqlite
      .prepare(
        `INSERT INTO interview_sessions (id, assessment_id, held_at, interviewees_json, attendees_json, notes, created_at, updated_at, updated_by)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        id,
        input.assessmentId,
        input.heldAt,
        JSON.stringify(input.interviewees),
        JSON.stringify(input.attendees),
        input.notes,
        now,
        now,
        ctx.actor(),
      );
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
    ctx.store.sqlite
      .prepare(
        `UPDATE interview_sessions SET held_at = ?, interviewees_json = ?, attendees_json = ?, notes = ?, updated_at = ?, updated_by = ? WHERE id = ?`,
      )
      .run(
        input.heldAt,
        JSON.stringify(input.interviewees),
        JSON.stringify(input.attendees),
        input.notes,
        now,
        ctx.actor(),
        input.id,
      );
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
    ctx.store.sqlite.prepare('DELETE FROM interview_sessions WHERE id = ?').run(id);
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
