import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type { ParsedInput } from '../../../shared/contracts';
import type { CoreContext } from '../context';
import { CommandFailure, invalid } from '../errors';
import { importFile } from './import';

export async function importFromDialog(
  ctx: CoreContext,
  input: ParsedInput<'evidence.importFromDialog'>,
): Promise<{ imported: EvidenceItem[]; cancelled: boolean }> {
  const pickFiles = ctx.platform.pickFiles;
  if (!pickFiles) {
    throw new CommandFailure(
      'UNAVAILABLE',
      'The system file dialog exists only in the desktop app. Drop files here or use "Choose files".',
    );
  }
  const paths = await pickFiles();
  if (paths.length === 0) return { imported: [], cancelled: true };
  // Every chosen file is checked before the first is copied: one bad file changes nothing.
  for (const p of paths) {
    const stat = fs.statSync(p, { throwIfNoEntry: false });
    const name = path.basename(p);
    if (!stat?.isFile()) throw invalid('file', `"${name}" is not a regular file.`);
    if (stat.size === 0) throw invalid('file', `"${name}" is empty (0 bytes).`);
  }
  const imported: EvidenceItem[] = [];
  for (const p of paths) {
    imported.push(
      await importFile(ctx, p, {
        engagementId: input.engagementId,
        requirementId: input.requirementId,
      }),
    );
  }
  return { imported, cancelled: false };
}
