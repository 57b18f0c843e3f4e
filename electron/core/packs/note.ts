import { z } from 'zod';
import { packCheckSchema } from '../../../shared/contracts/packs';

/** The import's own note about where a pack came from; not part of the signed content. */
export const IMPORT_NOTE = '.assay-import.json';

/**
 * What the note holds. It sits in the data directory beside the pack's files, where anyone can
 * edit it, so it is read back through this schema and never taken on trust.
 */
export const importNoteSchema = z.object({
  importedAt: z.string(),
  importedBy: z.string(),
  sourceName: z.string(),
  manifestSha256: z.string(),
  bytes: z.number().int().min(0),
  check: packCheckSchema.pick({
    valid: true,
    problems: true,
    signedAt: true,
    checkedAt: true,
    signer: true,
  }),
});
export type ImportNote = z.infer<typeof importNoteSchema>;
