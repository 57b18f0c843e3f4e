import fs from 'node:fs';
import path from 'node:path';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { checkFileName } from '../../../shared/rules/file-name';
import { assertWritable, type CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import { requireEngagement } from '../engagements';
import { progressReporter } from '../tasks';
import { openReceiver, type FileReceiver } from '../transfer';
import { findRequirement } from './queries';
import { cancelled, storeReceived, type ImportOptions } from './store';
import { ensureVault, vaultDirs } from './vault-paths';

export type { ImportOptions } from './store';

/** Read and write in 1 MiB pieces: memory stays flat whatever the file's size. */
export const CHUNK = 1024 * 1024;

/** Checks what can be checked before a byte is written; returns the NFC file name. */
export function preflight(ctx: CoreContext, options: ImportOptions): string {
  // Every way in (CLI, dialog, page upload, browser mode's POST) comes here before a byte lands.
  assertWritable(ctx);
  const name = checkFileName(options.fileName);
  if (!name.ok) throw invalid('fileName', `"${options.fileName.slice(0, 60)}" ${name.message}.`);
  requireEngagement(ctx, options.engagementId);
  if (options.requirementId && !findRequirement(ctx, options.requirementId))
    throw notFound('Requirement', options.requirementId);
  if (options.expectedSize === 0) throw invalid('file', `"${name.name}" is empty (0 bytes).`);
  return name.name;
}

/**
 * Streams one file into the vault and records it: one read pass, every chunk hashed while the
 * previous one is written to vault/tmp, then stored like every received file (store.ts). The
 * CLI, the desktop dialog and tests come this way; pages send files through the transfer
 * (upload.ts), which lands them the same way.
 */
export async function importStream(
  ctx: CoreContext,
  source: AsyncIterable<Buffer> & { destroy?: () => unknown },
  options: ImportOptions,
): Promise<EvidenceItem> {
  let fileName: string;
  let signal: AbortSignal;
  const taskId = options.taskId ?? ctx.newId();
  try {
    fileName = preflight(ctx, options);
    signal = ctx.tasks.start(taskId);
  } catch (error) {
    source.destroy?.();
    throw error;
  }
  ensureVault(ctx.dataDir);
  const tmp = path.join(vaultDirs(ctx.dataDir).tmp, `${ctx.newId()}.part`);
  const report = progressReporter(ctx.events, taskId, fileName, options.expectedSize ?? 0);
  let receiver: FileReceiver | undefined;
  try {
    receiver = await openReceiver(tmp);
    report(0, true);
    for await (const chunk of source) {
      if (signal.aborted) throw cancelled();
      // More than was declared is refused at the first byte over, not after writing it all.
      if (
        options.expectedSize !== undefined &&
        receiver.received + chunk.length > options.expectedSize
      )
        throw invalid(
          'file',
          `"${fileName}" is larger than its declared ${options.expectedSize} bytes; nothing was kept.`,
        );
      await receiver.write(chunk);
      report(receiver.received);
    }
    if (signal.aborted) throw cancelled();
    const received = await receiver.finish();
    return await storeReceived(ctx, received, { ...options, fileName }, signal, report);
  } catch (error) {
    source.destroy?.();
    throw error;
  } finally {
    await receiver?.discard();
    ctx.tasks.end(taskId);
  }
}

export type FileImportOptions = Omit<ImportOptions, 'fileName' | 'expectedSize'> & {
  fileName?: string;
};

/** Everything that can be refused about a file before it is read: answers its name and size. */
export async function checkImportable(
  ctx: CoreContext,
  filePath: string,
  options: FileImportOptions,
): Promise<{ fileName: string; size: number }> {
  const fileName = options.fileName ?? path.basename(filePath);
  const stat = fs.statSync(filePath, { throwIfNoEntry: false });
  if (!stat) throw invalid('file', `"${fileName}" does not exist.`);
  if (stat.isDirectory()) throw invalid('file', `"${fileName}" is a folder, not a file.`);
  if (!stat.isFile()) throw invalid('file', `"${fileName}" is not a regular file.`);
  preflight(ctx, { ...options, fileName, expectedSize: stat.size });
  await fs.promises.access(filePath, fs.constants.R_OK).catch(() => {
    throw invalid('file', `"${fileName}" cannot be read (permission denied or locked).`);
  });
  return { fileName, size: stat.size };
}

/**
 * Imports a file named by the CLI, a test or the desktop app's open dialog — never by the
 * renderer. Directories, empty and unreadable files are refused before anything is written.
 */
export async function importFile(
  ctx: CoreContext,
  filePath: string,
  options: FileImportOptions,
): Promise<EvidenceItem> {
  const { fileName, size } = await checkImportable(ctx, filePath, options);
  let handle: fs.promises.FileHandle;
  try {
    handle = await fs.promises.open(filePath, 'r');
  } catch {
    throw invalid('file', `"${fileName}" cannot be read (permission denied or locked).`);
  }
  const stream = handle.createReadStream({ highWaterMark: CHUNK });
  return importStream(ctx, stream, { ...options, fileName, expectedSize: size });
}
