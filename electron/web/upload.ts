import type http from 'node:http';
import { z } from 'zod';
import { idSchema } from '../../shared/contracts/common';
import { requirementIdSchema, taskIdSchema } from '../../shared/contracts/evidence';
import { describeIssues, issuesFromZod } from '../../shared/contracts/envelope';
import type { CoreContext } from '../core/context';
import { CommandFailure } from '../core/errors';
import { logUnexpected } from '../core/log';
import { importStream } from '../core/vault/import';

export type UploadHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

// Everything but the bytes travels in the query: the body is the file itself, streamed.
const paramsSchema = z.strictObject({
  engagementId: idSchema,
  fileName: z.string().min(1, 'is required').max(1000, 'is far too long'),
  size: z.coerce.number().int('must be a whole number').min(0).max(Number.MAX_SAFE_INTEGER),
  taskId: taskIdSchema.optional(),
  requirementId: requirementIdSchema.optional(),
});

function reply(res: http.ServerResponse, status: number, body: unknown, close = false) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/**
 * POST /api/upload?engagementId&fileName&size[&taskId][&requirementId]: browser mode's way in
 * for files, which have no path there. The server has already checked Host, Origin and the
 * token. The body streams into the same import as the CLI and the desktop dialog use, so a
 * 2 GB upload needs no more memory than a small one.
 */
export function createUploadHandler(ctx: CoreContext): UploadHandler {
  return (req, res, url) => {
    const refuse = (status: number, code: string, message: string, details?: unknown) => {
      // Discard the rest of the body, then answer and close: nothing of it is kept.
      req.resume();
      reply(
        res,
        status,
        { ok: false, error: { code, message, ...(details ? { details } : {}) } },
        true,
      );
    };
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
      return refuse(415, 'VALIDATION', 'Send the file as application/octet-stream.');
    const parsed = paramsSchema.safeParse(Object.fromEntries(url.searchParams));
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return refuse(400, 'VALIDATION', describeIssues(issues), { issues });
    }
    const params = parsed.data;
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) !== params.size)
      return refuse(400, 'VALIDATION', 'The body length does not match the declared size.');
    // If the import refuses before reading (a wrong engagement, say), drain the body instead of
    // destroying the socket, so the refusal reaches the client.
    const source = {
      [Symbol.asyncIterator]: () => req[Symbol.asyncIterator]() as AsyncIterator<Buffer>,
      destroy: () => void req.resume(),
    };
    importStream(ctx, source, {
      engagementId: params.engagementId,
      fileName: params.fileName,
      expectedSize: params.size,
      taskId: params.taskId,
      requirementId: params.requirementId,
    }).then(
      (value) => reply(res, 200, { ok: true, value }),
      async (error: unknown) => {
        if (error instanceof CommandFailure) {
          const { code, message, details } = error;
          return refuse(200, code, message, details);
        }
        const where = await logUnexpected(ctx.log, 'evidence upload', error);
        return refuse(
          200,
          'INTERNAL',
          `Assay could not store the file. Nothing was kept; ${where}.`,
        );
      },
    );
    return undefined;
  };
}
