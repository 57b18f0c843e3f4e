import type { EvidenceItem } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { CommandFailure } from '../errors';
import { deleteEvidence } from './edit';
import { checkImportable, importFile, type FileImportOptions } from './import';

/**
 * Imports several files as one (the CLI's `assay evidence import A B C`): every file is checked
 * before any is read, and if one is refused nothing is imported; if one fails while it is being
 * copied, the ones this call imported are deleted again (the audit trail shows both), so either
 * all of them are kept or none.
 */
export async function importFilesAllOrNothing(
  ctx: CoreContext,
  filePaths: string[],
  options: Omit<FileImportOptions, 'fileName'>,
): Promise<EvidenceItem[]> {
  const refused: string[] = [];
  for (const file of filePaths) {
    try {
      await checkImportable(ctx, file, options);
    } catch (error) {
      if (!(error instanceof CommandFailure)) throw error;
      refused.push(error.details?.issues?.[0]?.message ?? error.message);
    }
  }
  if (refused.length > 0)
    throw new CommandFailure(
      'VALIDATION',
      `Nothing was imported: ${refused.length} of ${filePaths.length} file(s) refused — ${refused.join(' ')}`,
      { refused },
    );
  const imported: EvidenceItem[] = [];
  try {
    for (const file of filePaths) imported.push(await importFile(ctx, file, options));
  } catch (error) {
    for (const item of imported.reverse()) await deleteEvidence(ctx, item.id);
    if (error instanceof CommandFailure)
      throw new CommandFailure(
        error.code,
        `Nothing was imported (the ${imported.length} file(s) already copied were removed again): ${error.message}`,
        error.details,
      );
    throw error;
  }
  return imported;
}
