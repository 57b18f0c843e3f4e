import { z } from 'zod';
import { idSchema } from './common';
import { defineCommand } from './define';

/** A stored value as sync compares it: what SQLite holds (text, a number, a flag) or nothing. */
const fieldValue = z.union([z.string(), z.number(), z.boolean(), z.null()]);

const sideSchema = z.object({
  /** The field's value on that side; for a whole record, null (see `deleted`). */
  value: z.unknown(),
  deleted: z.boolean(),
  actor: z.string(),
  at: z.string(),
  replica: z.string(),
});

export const conflictViewSchema = z.object({
  id: z.string(),
  engagementId: z.string().nullable(),
  table: z.string(),
  rowId: z.string(),
  label: z.string(),
  /** The record's field in conflict; '' when one side deleted the record the other changed. */
  field: z.string(),
  kind: z.enum(['field', 'edit-delete', 'delete-edit']),
  mine: sideSchema,
  theirs: sideSchema,
  createdAt: z.string(),
});
export type ConflictView = z.infer<typeof conflictViewSchema>;

export const resolveConflictInput = z.discriminatedUnion('take', [
  z.strictObject({ id: z.string().min(1).max(200), take: z.literal('mine') }),
  z.strictObject({ id: z.string().min(1).max(200), take: z.literal('theirs') }),
  z.strictObject({ id: z.string().min(1).max(200), take: z.literal('value'), value: fieldValue }),
]);

export const conflictContracts = {
  'conflicts.list': defineCommand({
    name: 'conflicts.list',
    summary: 'The open merge conflicts of an engagement, with both sides’ values, who and when.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(conflictViewSchema),
    mutates: false,
  }),
  'conflicts.resolve': defineCommand({
    name: 'conflicts.resolve',
    summary:
      'Decide a conflict: keep this side, take the other side, or save an edited combination.',
    input: resolveConflictInput,
    output: z.object({ changeId: z.string() }),
    mutates: true,
  }),
};
