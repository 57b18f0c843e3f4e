import type { z } from 'zod';

/**
 * A JSON column that does not hold what its schema says: the store was written by something else
 * or damaged. Reported with the column, never papered over with a default.
 */
export class StoredJsonError extends Error {
  constructor(
    readonly column: string,
    detail: string,
  ) {
    super(`The stored value of ${column} is not valid (${detail}). The database may be damaged.`);
    this.name = 'StoredJsonError';
  }
}

/**
 * The one way a JSON column is read: parsed and checked against its zod schema, so a row type
 * says what is really there. `column` names the table and column for the error message.
 */
export function readJson<S extends z.ZodType>(schema: S, raw: string, column: string): z.output<S> {
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (error) {
    throw new StoredJsonError(column, (error as Error).message);
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success)
    throw new StoredJsonError(column, parsed.error.issues[0]?.message ?? 'shape');
  return parsed.data;
}

/** The one way a JSON column is written (stable key order as given; no pretty-printing). */
export function writeJson(value: unknown): string {
  return JSON.stringify(value);
}
