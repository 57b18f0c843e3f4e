import { z } from 'zod';
import {
  blobSchema,
  changeSetSchema,
  isOp,
  type AuditRow,
  type Change,
  type ChangeSet,
} from './changeset';

/**
 * Reads a change set from a file (parsed JSON) with the same verdict and the same output as
 * `changeSetSchema.safeParse`: the envelope and the blobs go through zod; the tens of thousands
 * of changes and audit rows are checked field by field against the same rules written out
 * (zod's per-field machinery and the copies it makes cost more than reading the JSON itself).
 * tests/unit/read-change-set.test.ts holds the two to the same answers on generated input.
 */
const envelopeSchema = changeSetSchema.extend({
  changes: z.custom<unknown[]>((value) => Array.isArray(value)),
  audit: z.custom<unknown[]>((value) => Array.isArray(value)),
  blobs: z.array(blobSchema),
});

type Fields = Record<string, unknown>;

// As zod's object: anything but null or an array.
const isObject = (value: unknown): value is Fields =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const text = (value: unknown, min: number, max: number): value is string =>
  typeof value === 'string' && value.length >= min && value.length <= max;
const textOrNull = (value: unknown, max = Infinity): value is string | null =>
  value === null || text(value, 0, max);
// As z.number().int().positive(): a finite, safe integer above zero.
const positiveInteger = (value: unknown): value is number =>
  typeof value === 'number' && Number.isSafeInteger(value) && value > 0;

function parentsOf(value: unknown): string[] | null {
  if (!Array.isArray(value) || value.length > 10_000) return null;
  for (const parent of value) if (!text(parent, 0, 200)) return null;
  return value as string[];
}

/** A change as changeSchema takes it (unknown keys left out, like zod), or null. */
function changeOf(value: unknown): Change | null {
  if (!isObject(value)) return null;
  const { id, replica, counter, engagementId, tbl, rowId, field, op, valueJson, actor, at } = value;
  const parents = parentsOf(value.parents);
  if (
    !text(id, 3, 200) ||
    !text(replica, 1, 100) ||
    !positiveInteger(counter) ||
    !textOrNull(engagementId, 200) ||
    !text(tbl, 1, 100) ||
    !text(rowId, 1, 1000) ||
    !text(field, 0, 100) ||
    !isOp(op) ||
    !textOrNull(valueJson) ||
    parents === null ||
    !text(actor, 0, 500) ||
    !text(at, 0, 100)
  ) {
    return null;
  }
  return {
    id,
    replica,
    counter,
    engagementId,
    tbl,
    rowId,
    field,
    op,
    valueJson,
    parents,
    actor,
    at,
  };
}

const hash = (value: unknown): value is string => text(value, 64, 64);

/** An audit row as auditRowSchema takes it, or null. */
function auditRowOf(value: unknown): AuditRow | null {
  if (!isObject(value)) return null;
  const { at, actor, action, entityType, entityId, scopeId, beforeJson, afterJson } = value;
  const { originReplica, originHash, prevHash, hash: own } = value;
  if (
    typeof at !== 'string' ||
    typeof actor !== 'string' ||
    typeof action !== 'string' ||
    typeof entityType !== 'string' ||
    typeof entityId !== 'string' ||
    !textOrNull(scopeId) ||
    !textOrNull(beforeJson) ||
    !textOrNull(afterJson) ||
    !textOrNull(originReplica) ||
    !textOrNull(originHash) ||
    !hash(prevHash) ||
    !hash(own)
  ) {
    return null;
  }
  return {
    at,
    actor,
    action,
    entityType,
    entityId,
    scopeId,
    beforeJson,
    afterJson,
    originReplica,
    originHash,
    prevHash,
    hash: own,
  };
}

function all<T>(values: unknown[], read: (value: unknown) => T | null): T[] | null {
  const out: T[] = new Array<T>(values.length);
  for (let i = 0; i < values.length; i += 1) {
    const item = read(values[i]);
    if (item === null) return null;
    out[i] = item;
  }
  return out;
}

/** The change set `raw` holds, or null when it is not one (what changeSetSchema refuses). */
export function readChangeSet(raw: unknown): ChangeSet | null {
  const envelope = envelopeSchema.safeParse(raw);
  if (!envelope.success) return null;
  const changes = all(envelope.data.changes, changeOf);
  const audit = changes && all(envelope.data.audit, auditRowOf);
  if (!changes || !audit) return null;
  return { ...envelope.data, changes, audit };
}
