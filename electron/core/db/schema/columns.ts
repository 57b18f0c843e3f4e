import { text } from 'drizzle-orm/sqlite-core';

/** Columns every row that people edit carries: who changed it last, and when (UTC ISO-8601). */
export const editStamp = {
  createdAt: text('created_at').notNull(),
  updatedAt: text('updated_at').notNull(),
  updatedBy: text('updated_by').notNull(),
};
