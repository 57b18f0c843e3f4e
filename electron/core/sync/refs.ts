import type Database from 'better-sqlite3';
import { statement } from './rows';
import { quoteIdent as q, type SyncTable } from './tables';

/** A human reference written as a placeholder because it was taken here when the row arrived. */
export interface PendingRef {
  table: SyncTable;
  rowId: string;
  ref: string;
}

export interface Renumbered {
  tbl: string;
  rowId: string;
  from: string;
  to: string;
}

const PLACEHOLDER = '\u2060pending\u2060';

export const placeholderRef = (ref: string, rowId: string) => `${ref}${PLACEHOLDER}${rowId}`;

/** Whether `ref` is taken within the row's scope (the same assessment, the same engagement). */
export function refTaken(
  sqlite: Database.Database,
  table: SyncTable,
  values: Record<string, unknown>,
  ref: string,
  exceptKey?: unknown,
): boolean {
  if (!table.ref) return false;
  const within = table.ref.within;
  const keyColumn = table.key[0]!;
  const row = statement(
    sqlite,
    `SELECT ${q(keyColumn)} AS k FROM main.${q(table.name)} WHERE ${q(table.ref.column)} = ? ` +
      within.map((c) => `AND ${q(c)} IS ?`).join(' '),
  )
    .pluck()
    .get(ref, ...within.map((c) => values[c] ?? null));
  return row !== undefined && row !== exceptKey;
}

/** The next free reference with the same prefix and width (F-007 taken, F-012 highest → F-013). */
export function nextFreeRef(
  sqlite: Database.Database,
  table: SyncTable,
  values: Record<string, unknown>,
  ref: string,
): string {
  const match = /^(.*?)(\d+)$/.exec(ref);
  const prefix = match ? match[1]! : `${ref}-`;
  const width = match ? match[2]!.length : 3;
  const within = table.ref!.within;
  const refs = statement(
    sqlite,
    `SELECT ${q(table.ref!.column)} FROM main.${q(table.name)} WHERE 1 = 1 ` +
      within.map((c) => `AND ${q(c)} IS ?`).join(' '),
  )
    .pluck()
    .all(...within.map((c) => values[c] ?? null))
    .filter((r) => typeof r === 'string');
  let highest = 0;
  for (const existing of refs) {
    if (!existing.startsWith(prefix)) continue;
    const digits = /^(\d+)/.exec(existing.slice(prefix.length));
    if (digits) highest = Math.max(highest, Number(digits[1]));
  }
  return `${prefix}${String(highest + 1).padStart(width, '0')}`;
}
