import { IMPORT_MAX_BYTES } from '../../../shared/domain/risk-sheet-fields';
import { importRefusal, type SheetRowError } from '../../../shared/rules/sheet-mapping';
import type { CoreContext } from '../context';
import { CommandFailure, invalid } from '../errors';
import { readIncoming } from '../transfer';
import { readGrid, type Grid } from './read';

/**
 * A sheet the page sent through incoming.*, read once (the received file is then deleted) and
 * parsed; its bytes come back too, for a hash of what was imported.
 */
export async function readReceivedSheet(
  ctx: CoreContext,
  input: { token: string; fileName: string },
): Promise<{ grid: Grid; bytes: Buffer }> {
  const bytes = await readIncoming(ctx, input.token, IMPORT_MAX_BYTES, () =>
    invalid('file', `${input.fileName} is larger than 20 MB.`),
  );
  return { grid: await readGrid(input.fileName, bytes), bytes };
}

/** The refusal of a whole import: how many problems, the first three, all of them as issues. */
export function sheetRefusal(fileName: string, errors: SheetRowError[]): CommandFailure {
  return new CommandFailure('VALIDATION', importRefusal(fileName, errors), {
    issues: errors.slice(0, 200).map((e) => ({
      path: `row ${e.row}${e.field ? `.${e.field}` : ''}`,
      message: e.message,
    })),
  });
}
