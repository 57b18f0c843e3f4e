import { and, eq, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import type { ResponseRecord } from '../../../shared/contracts/responses';
import type { ParsedInput } from '../../../shared/contracts';
import { inScope } from '../../../shared/rules/scope';
import { startAssessment, writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';
import { audit, inTransaction, type CoreContext } from '../context';
import { preparedOnce, schema, writeJson } from '../db';
import { invalid } from '../errors';
import { selectResponses, toRecord } from './queries';

const { responses, interviewSessions, interviewSessionRequirements } = schema;

type SaveInput = ParsedInput<'responses.save'>;

// responses.save runs on every keystroke pause in the interview: its statements are prepared once.
const existingAnswer = preparedOnce((db) =>
  selectResponses(db)
    .where(
      and(
        eq(responses.assessmentId, sql.placeholder('assessmentId')),
        eq(responses.requirementId, sql.placeholder('requirementId')),
      ),
    )
    .prepare(),
);

const sessionOwner = preparedOnce((db) =>
  db
    .select({ assessmentId: interviewSessions.assessmentId })
    .from(interviewSessions)
    .where(eq(interviewSessions.id, sql.placeholder('sessionId')))
    .prepare(),
);

const answerFields = {
  result: sql.placeholder('result'),
  maturity: sql.placeholder('maturity'),
  notes: sql.placeholder('notes'),
  naJustification: sql.placeholder('naJustification'),
  intervieweesJson: sql.placeholder('intervieweesJson'),
  followUp: sql.placeholder('followUp'),
  sessionId: sql.placeholder('sessionId'),
  updatedAt: sql.placeholder('now'),
  updatedBy: sql.placeholder('actor'),
};

/** On conflict an answer takes the values just offered (SQLite's `excluded` row). */
const offered = (column: AnySQLiteColumn) => sql`excluded.${sql.identifier(column.name)}`;

const upsertAnswer = preparedOnce((db) =>
  db
    .insert(responses)
    .values({
      id: sql.placeholder('id'),
      assessmentId: sql.placeholder('assessmentId'),
      requirementId: sql.placeholder('requirementId'),
      createdAt: sql.placeholder('now'),
      ...answerFields,
    })
    .onConflictDoUpdate({
      target: [responses.assessmentId, responses.requirementId],
      set: {
        result: offered(responses.result),
        maturity: offered(responses.maturity),
        notes: offered(responses.notes),
        naJustification: offered(responses.naJustification),
        intervieweesJson: offered(responses.intervieweesJson),
        followUp: offered(responses.followUp),
        sessionId: offered(responses.sessionId),
        updatedAt: offered(responses.updatedAt),
        updatedBy: offered(responses.updatedBy),
      },
    })
    .prepare(),
);

const coverRequirement = preparedOnce((db) =>
  db
    .insert(interviewSessionRequirements)
    .values({
      sessionId: sql.placeholder('sessionId'),
      requirementId: sql.placeholder('requirementId'),
    })
    .onConflictDoNothing()
    .prepare(),
);

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
    const { db } = ctx.store;
    const assessment = writableAssessment(ctx, input.assessmentId);
    const requirement = requirementIndex(ctx, assessment.frameworkId).byId.get(input.requirementId);
    if (!requirement?.assessable) {
      throw invalid(
        'requirementId',
        `is not an assessable requirement of ${assessment.frameworkId}`,
      );
    }
    if (!inScope(requirement.ref, assessment.excludedAreas)) {
      throw invalid('requirementId', `${requirement.ref} is outside this assessment's scope`);
    }
    if (input.sessionId) {
      const session = sessionOwner(db).get({ sessionId: input.sessionId });
      if (session?.assessmentId !== input.assessmentId)
        throw invalid('sessionId', 'is not an interview session of this assessment');
    }
    const existing = existingAnswer(db).get({
      assessmentId: input.assessmentId,
      requirementId: input.requirementId,
    });
    const next = content(input);
    const previous = existing ? content(toRecord(existing)) : null;
    if (existing && JSON.stringify(previous) === JSON.stringify(next)) return toRecord(existing);

    const now = ctx.now();
    const id = existing?.id ?? ctx.newId();
    upsertAnswer(db).run({
      id,
      assessmentId: input.assessmentId,
      requirementId: input.requirementId,
      result: input.result,
      maturity: input.maturity,
      notes: input.notes,
      naJustification: input.naJustification,
      intervieweesJson: writeJson(input.interviewees),
      followUp: input.followUp,
      sessionId: input.sessionId,
      now,
      actor: ctx.actor(),
    });
    if (input.sessionId) {
      coverRequirement(db).run({ sessionId: input.sessionId, requirementId: input.requirementId });
    }
    if (assessment.status === 'planned') startAssessment(ctx, input.assessmentId, now);
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
