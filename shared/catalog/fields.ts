import { z } from 'zod';

/** Text fields of a catalog: trimmed and never empty. */
export const nonEmpty = z.string().trim().min(1);

/** Keys of controlled vocabularies, sections and ids inside a catalog. */
export const vocabKey = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'kebab-case key');
