import type { HistoryEntry, ResponseRecord } from '../../../shared/contracts/responses';
import type { ParsedInput } from '../../../shared/contracts';
import type { Result } from '../../../shared/domain/assessment';
import { inScope } from '../../../shared/rules/scope';
import { audit, inTransaction, type CoreContext } from '../context';
import { invalid } from '../errors';
import { writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';

interface ResponseRow {
  id: string;
  assessmentId: string;
  requirementId: string;
  result: Result;
  maturity: number | null;
  notes: string;
  naJustification: string;
  intervieweesJson: string;
  followUp: number;
  sessionId: string | null;
  updatedAt: string;
  updatedBy: string;
}

const SELECT = `SELECT id, assessment_id AS assessmentId, requirement_id AS requirementId, result, maturity, notes,
  na_justification AS naJustification, interviewees_json AS intervieweesJson, follow_up AS followUp,
  session_id AS sessionId, updated_at AS updatedAt, updated_by AS updatedBy FROM responses`;

function toRecord(row: ResponseRow): ResponseRecord {
  const { id: _id, intervieweesJson, followUp, ...rest } = row;
  return {
    ...rest,
    interviewees: JSON.parse(intervieweesJson) as string[],
    followUp: followUp === 1,
  };
}

export function listResponses(ctx: CoreContext, assessmentId: string): ResponseRecord[] {
  const rows = ctx.store.sqlite
    .prepare(`${SELECT} WHERE assessment_id = ?`)
    .all(assessmentId) as ResponseRow[];
  return rows.map(toRecord);
}

type SaveInput = ParsedInput<'responses.save'>;

/** The fields that make an answer; a save that changes none of them writes nothing. */
function content(input: Omit<ResponseRecord, 'updatedAt' | 'updatedBy' | 'assessmentId'>) {
  return {
    requirementId: input.requirementId,
    result: input.result,
    maturity: input.maturity,
    notes: input.notes,
    naJustification: input.naJustification,
    interviewees: input.interviewees,
    followUp: input.followUp,
    sessionId: input.sessionId,
  };
}

export function saveResponse(ctx: CoreContext, input: SaveInput): ResponseRecord {
  return inTransaction(ctx, () => {
    const sqlite = ctx.store.sqlite;
    const assessment = writableAssessment(ctx, input.assessmentId);
    const requirement = requirementIndex(ctx, assessment.frameworkId).byId.get(input.requirementId);
    if (!requirement?.assessable) {
      throw invalid(
        'requirementId',
        `is not an assessable requirement of ${assessment.frameworkId}`,
      );
    }
    if (!inScope(requirement.ref, JSON.parse(assessment.excludedAreasJson) as string[])) {
      throw invalid('requirementId', `${requirement.ref} is outside this assessment's scope`);
    }
    if (input.sessionId) {
      const session = sqlite
        .prepare('SELECT assessment_id AS a FROM interview_sessions WHERE id = ?')
        .get(input.sessionId) as { a: string } | undefined;
      if (session?.a !== input.assessmentId)
        throw invalid('sessionId', 'is not an interview session of this assessment');
    }
    const existing = sqlite
      .prepare(`${SELECT} WHERE assessment_id = ? AND requirement_id = ?`)
      .get(input.assessmentId, input.requirementId) as ResponseRow | undefined;
    const next = content(input);
    const previous = existing ? content(toRecord(existing)) : null;
    if (previous && JSON.stringify(previous) === JSON.stringify(next))
      return toRecord(existing as ResponseRow);

    const now = ctx.now();
    const id = existing?.id ?? ctx.newId();
    const values = {
      id,
      assessmentId: input.assessmentId,
      requirementId: input.requirementId,
      result: input.result,
      maturity: input.maturity,
      notes: input.notes,
      naJustification: input.naJustification,
      interviewees: JSON.stringify(input.interviewees),
      followUp: input.followUp ? 1 : 0,
      sessionId: input.sessionId,
      now,
      actor: ctx.actor(),
    };
    sqlite
      .prepare(
        `INSERT INTO responses (id, assessment_id, requirement_id, result, maturity, notes, na_justification, interviewees_json, follow_up, session_id, created_at, updated_at, updated_by)
         VALUES (@id, @assessmentId, @requirementId, @result, @maturity, @notes, @naJustification, @interviewees, @followUp, @sessionId, @now, @now, @actor)
         ON CONFLICT(assessment_id, requirement_id) DO UPDATE SET result = @result, maturity = @maturity, notes = @notes,
           na_justification = @naJustification, interviewees_json = @interviewees, follow_up = @followUp,
           session_id = @sessionId, updated_at = @now, updated_by = @actor`,
      )
      .run(values);
    if (input.sessionId) {
      sqlite
        .prepare(
          'INSERT OR IGNORE INTO interview_session_requirements (session_id, requirement_id) VALUES (?, ?)',
        )
        .run(input.sessionId, input.requirementId);
    }
    if (assessment.status === 'planned') {
      // The first answer starts the assessment; recorded like any other status change.
      sqlite
        .prepare(
          `UPDATE assessments SET status = 'in-progress', updated_at = ?, updated_by = ? WHERE id = ?`,
        )
        .run(now, ctx.actor(), input.assessmentId);
      audit(ctx, now, {
        action: 'assessment.status',
        entityType: 'assessment',
        entityId: input.assessmentId,
        scopeId: input.assessmentId,
        before: { status: 'planned' },
        after: { status: 'in-progress' },
      });
    }
    audit(ctx, now, {
      action: 'response.save',
      entityType: 'response',
      entityId: id,
      scopeId: input.assessmentId,
      before: previous ?? undefined,
      after: next,
    });
    return { ...next, assessmentId: input.assessmentId, updatedAt: now, updatedBy: ctx.actor() };
  });
}

interface AuditRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  entityType: string;
  beforeJson: string | null;
  afterJson: string | null;
}

/** Every change to what was recorded about one requirement in one assessment, newest first. */
export function requirementHistory(
  ctx: CoreContext,
  assessmentId: string,
  requirementId: string,
): HistoryEntry[] {
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT seq, at, actor, action, entity_type AS entityType, before_json AS beforeJson, after_json AS afterJson
       FROM audit_log
       WHERE scope_id = ? AND entity_type IN ('response', 'finding', 'soa-entry')
         AND (json_extract(after_json, '$.requirementId') = ? OR json_extract(before_json, '$.requirementId') = ?)
       ORDER BY seq DESC LIMIT 500`,
    )
    .all(assessmentId, requirementId, requirementId) as AuditRow[];
  return rows.map((r) => ({
    seq: r.seq,
    at: r.at,
    actor: r.actor,
    action: r.action,
    entityType: r.entityType,
    before: r.beforeJson ? (JSON.parse(r.beforeJson) as unknown) : null,
    after: r.afterJson ? (JSON.parse(r.afterJson) as unknown) : null,
  }));
}
