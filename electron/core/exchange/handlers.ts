import fs from 'node:fs';
import path from 'node:path';
import type { ExchangeImportSummary } from '../../../shared/contracts/exchange';
import type { CoreContext } from '../context';
import { invalid, notFound } from '../errors';
import type { DomainHandlers } from '../handler';
import { exportsDir, slug } from '../reports';
import { progressReporter } from '../tasks';
import { readFileChunk, resolveInside, withIncoming } from '../transfer';
import { exportExchange, type ExchangeProgress } from './export';
import { importExchange, type ImportResult } from './import';

const LABELS: Record<ExchangeProgress['phase'], string> = {
  preparing: 'Deriving the key from the passphrase',
  writing: 'Writing and encrypting',
  reading: 'Reading, decrypting and checking',
  applying: 'Merging into this data directory',
};

/** Runs `work` as a cancellable task with progress events when the page gave a task id. */
async function asTask<T>(
  ctx: CoreContext,
  taskId: string | undefined,
  work: (signal: AbortSignal | undefined, onProgress: (p: ExchangeProgress) => void) => Promise<T>,
): Promise<T> {
  if (!taskId) return work(undefined, () => undefined);
  const signal = ctx.tasks.start(taskId);
  let report: ReturnType<typeof progressReporter> | null = null;
  let phase: ExchangeProgress['phase'] | null = null;
  try {
    return await work(signal, (p) => {
      if (p.phase !== phase) {
        phase = p.phase;
        report = progressReporter(ctx.events, taskId, LABELS[p.phase], Math.max(p.total, 1));
        report(p.done, true);
      } else report?.(p.done);
    });
  } finally {
    ctx.tasks.end(taskId);
  }
}

/** A file name under exports/ that is not taken yet: the client's name and the day. */
function freeName(ctx: CoreContext, engagementId: string): string {
  const client = ctx.store.sqlite
    .prepare('SELECT client_name FROM engagements WHERE id = ?')
    .pluck()
    .get(engagementId);
  if (typeof client !== 'string') throw notFound('Engagement', engagementId);
  const base = `${slug(client) || 'engagement'}-${ctx.now().slice(0, 10)}`;
  fs.mkdirSync(exportsDir(ctx.dataDir), { recursive: true });
  for (let n = 1; ; n += 1) {
    const name = `${base}${n > 1 ? `-${n}` : ''}.assayx`;
    if (!fs.existsSync(path.join(exportsDir(ctx.dataDir), name))) return name;
  }
}

function summary(result: ImportResult): ExchangeImportSummary {
  const { total, alreadyKnown, applied, same, kept, conflict } = result.changes;
  return {
    engagementId: result.engagementId,
    engagementIsNew: result.engagementIsNew,
    dryRun: result.dryRun,
    changes: { total, alreadyKnown, applied, same, kept, conflict },
    openConflicts: result.openConflicts,
    renumbered: result.renumbered.map(({ tbl, from, to }) => ({ tbl, from, to })),
    evidence: result.evidence,
    signer: result.signer
      ? {
          name: result.signer.name,
          fingerprint: result.signer.fingerprint,
          verdict: result.signer.trust.verdict,
          reason: result.signer.trust.reason,
        }
      : null,
  };
}

export const exchangeHandlers: DomainHandlers<'exchange'> = {
  'exchange.export': (ctx, input) =>
    asTask(ctx, input.taskId, async (signal, onProgress) => {
      const fileName = freeName(ctx, input.engagementId);
      const result = await exportExchange(ctx, {
        engagementId: input.engagementId,
        out: path.join(exportsDir(ctx.dataDir), fileName),
        passphrase: input.passphrase,
        includeEvidence: input.includeEvidence,
        onProgress,
        ...(signal ? { signal } : {}),
      });
      return {
        fileName,
        bytes: result.bytes,
        changes: result.changes,
        evidenceFiles: result.evidenceFiles,
      };
    }),
  'exchange.readChunk': async (ctx, input) => {
    const file = resolveInside(exportsDir(ctx.dataDir), input.fileName);
    if (!file || !fs.existsSync(file) || !fs.lstatSync(file).isFile())
      throw notFound('Exchange file', input.fileName);
    if (path.basename(file) !== input.fileName)
      throw invalid('fileName', 'must be the name of an exchange file');
    return readFileChunk(file, input.offset, input.length);
  },
  'exchange.import': (ctx, input) =>
    asTask(ctx, input.taskId, (signal, onProgress) =>
      // A dry run leaves the received file and its token for the import that may follow.
      withIncoming(
        ctx,
        input.token,
        async (file) =>
          summary(
            await importExchange(ctx, file, {
              passphrase: input.passphrase,
              dryRun: input.dryRun,
              acceptSigner: input.acceptSigner,
              onProgress,
              ...(signal ? { signal } : {}),
            }),
          ),
        { keep: input.dryRun },
      ),
    ),
  'exchange.cancel': (ctx, input) => ({ cancelled: ctx.tasks.cancel(input.taskId) }),
};
