import { and, desc, eq, inArray, or, sql } from 'drizzle-orm';
import type { AnySQLiteColumn } from 'drizzle-orm/sqlite-core';
import { z } from 'zod';
import {
  responseSchema,
  type HistoryEntry,
  type ResponseRecord,
} from '../../../shared/contracts/responses';
import type { CoreContext } from '../context';
import { readJson, schema, type Db } from '../db';

const { responses, auditLog } = schema;

/** The columns of an answer that its record shows (the id only to update it in place). */
export function selectResponses(db: Db) {
  return db
    .select({
      id: responses.id,
      assessmentId: responses.assessmentId,
      requirementId: responses.requirementId,
      result: responses.result,
      maturity: responses.maturity,
      notes: responses.notes,
      naJustification: responses.naJustification,
      intervieweesJson: responses.intervieweesJson,
      followUp: responses.followUp,
      sessionId: responses.sessionId,
      updatedAt: responses.updatedAt,
      updatedBy: responses.updatedBy,
    })
    .from(responses);
}

export type ResponseRow = ReturnType<ReturnType<typeof selectResponses>['all']>[number];

export function toRecord(row: ResponseRow): ResponseRecord {
  const { id: _id, intervieweesJson, ...rest } = row;
  return {
    ...rest,
    interviewees: readJson(
      responseSchema.shape.interviewees,
      intervieweesJson,
      'responses.interviewees_json',
    ),
  };
}

export function listResponses(ctx: CoreContext, assessmentId: string): ResponseRecord[] {
  return selectResponses(ctx.store.db)
    .where(eq(responses.assessmentId, assessmentId))
    .all()
    .map(toRecord);
}

const auditValue = z.unknown();
const mentions = (column: AnySQLiteColumn, requirementId: string) =>
  sql`json_extract(${column}, '$.requirementId') = ${requirementId}`;

/** Every change to what was recorded about one requirement in one assessment, newest first. */
export function requirementHistory(
  ctx: CoreContext,
  assessmentId: string,
  requirementId: string,
): HistoryEntry[] {
  const rows = ctx.store.db
    .select({
      seq: auditLog.seq,
      at: auditLog.at,
      actor: auditLog.actor,
      action: auditLog.action,
      entityType: auditLog.entityType,
      beforeJson: auditLog.beforeJson,
      afterJson: auditLog.afterJson,
      originReplica: auditLog.originReplica,
    })
    .from(auditLog)
    .where(
      and(
        eq(auditLog.scopeId, assessmentId),
        inArray(auditLog.entityType, ['response', 'finding', 'soa-entry']),
        or(
          mentions(auditLog.afterJson, requirementId),
          mentions(auditLog.beforeJson, requirementId),
        ),
      ),
    )
    // By when it happened: changes merged in from another data directory join the trail later
    // than they were made, and belong among the others by their time.
    .orderBy(desc(auditLog.at), desc(auditLog.seq))
    .limit(500)
    .all();
  return rows.map(({ beforeJson, afterJson, originReplica, ...entry }) => ({
    ...entry,
    ...(originReplica ? { origin: originReplica } : {}),
    before: beforeJson ? readJson(auditValue, beforeJson, 'audit_log.before_json') : null,
    after: afterJson ? readJson(auditValue, afterJson, 'audit_log.after_json') : null,
  }));
}
