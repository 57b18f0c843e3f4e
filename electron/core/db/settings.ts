/**
 * One JSON value per key in the settings table (branding, report templates …), checked with its
 * schema on every read. Writers call `writeSetting` inside their own transaction, beside their
 * audit row.
 */
import { eq } from 'drizzle-orm';
import type { z } from 'zod';
import { readJson, writeJson } from './json';
import type { Db } from './open';
import { settings } from './schema/engagements';

export function readSetting<S extends z.ZodType>(
  db: Db,
  key: string,
  schema: S,
): z.output<S> | null {
  const row = db
    .select({ value: settings.value })
    .from(settings)
    .where(eq(settings.key, key))
    .get();
  return row ? readJson(schema, row.value, `settings.${key}`) : null;
}

export function writeSetting(db: Db, key: string, value: unknown, now: string): void {
  const json = writeJson(value);
  db.insert(settings)
    .values({ key, value: json, updatedAt: now })
    .onConflictDoUpdate({ target: settings.key, set: { value: json, updatedAt: now } })
    .run();
}
