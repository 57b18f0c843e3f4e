import { z } from 'zod';

/** Random ids (UUIDv7): assessments made on two laptops never collide. */
export const idSchema = z
  .string()
  .regex(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/, 'must be an id');

/** A calendar date as YYYY-MM-DD that exists. */
export const dateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date as YYYY-MM-DD')
  .refine(
    (s) =>
      !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) &&
      new Date(`${s}T00:00:00Z`).toISOString().startsWith(s),
    'must be a real date',
  );

export const timestampSchema = z.string();

/** Text a person types: trimmed, bounded so a 10 MB paste is refused with a clear message. */
export function textField(max: number) {
  return z.string().trim().max(max, `must be at most ${max} characters`);
}

export function requiredText(max: number) {
  return z.string().trim().min(1, 'is required').max(max, `must be at most ${max} characters`);
}

export const emptyInput = z.strictObject({});
export const okOutput = z.object({ ok: z.literal(true) });
