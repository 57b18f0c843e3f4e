import type http from 'node:http';
import { contracts } from '../../shared/contracts';
import { describeIssues, issuesFromZod } from '../../shared/contracts/envelope';
import type { CoreContext } from '../core/context';
import { abortUpload, beginUpload, endUpload, sendChunk } from '../core/evidence';
import { CommandFailure } from '../core/errors';
import { logUnexpected } from '../core/log';

export type UploadHandler = (req: http.IncomingMessage, res: http.ServerResponse, url: URL) => void;

function reply(res: http.ServerResponse, status: number, body: unknown, close = false) {
  if (res.headersSent || res.destroyed) return;
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    ...(close ? { Connection: 'close' } : {}),
  });
  res.end(JSON.stringify(body));
}

/** The query as evidence.uploadBegin's input: the size arrives as digits. */
function uploadParams(url: URL) {
  const query: Record<string, unknown> = Object.fromEntries(url.searchParams);
  if (typeof query.size === 'string' && /^\d{1,16}$/.test(query.size))
    query.size = Number(query.size);
  return contracts['evidence.uploadBegin'].input.safeParse(query);
}

/**
 * POST /api/upload?engagementId&fileName&size[&taskId][&requirementId]: browser mode's way in
 * for files, which have no path there. The server has already checked Host, Origin and the
 * token. Everything but the bytes is evidence.uploadBegin's input, checked by its contract; the
 * body then goes through the same transfer as the desktop app's chunks (order, declared size,
 * idle timeout, cancel by task id), so a 2 GB upload needs no more memory than a small one.
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
    const failed = async (error: unknown) => {
      if (error instanceof CommandFailure) {
        const { code, message, details } = error;
        return refuse(200, code, message, details);
      }
      const where = await logUnexpected(ctx.log, 'evidence upload', error);
      return refuse(200, 'INTERNAL', `Assay could not store the file. Nothing was kept; ${where}.`);
    };
    if (!(req.headers['content-type'] ?? '').startsWith('application/octet-stream'))
      return refuse(415, 'VALIDATION', 'Send the file as application/octet-stream.');
    const parsed = uploadParams(url);
    if (!parsed.success) {
      const issues = issuesFromZod(parsed.error);
      return refuse(400, 'VALIDATION', describeIssues(issues), { issues });
    }
    const params = parsed.data;
    const declared = req.headers['content-length'];
    if (declared !== undefined && Number(declared) !== params.size)
      return refuse(400, 'VALIDATION', 'The body length does not match the declared size.');
    void receive(ctx, req, params).then((value) => reply(res, 200, { ok: true, value }), failed);
    return undefined;
  };
}

/**
 * Feeds the body into an upload chunk by chunk. The body's iterator is never returned early: a
 * refusal drains the rest instead of destroying the socket, so the answer reaches the client.
 */
async function receive(
  ctx: CoreContext,
  req: http.IncomingMessage,
  params: Parameters<typeof beginUpload>[1],
) {
  const { uploadId } = await beginUpload(ctx, params);
  try {
    const body = req[Symbol.asyncIterator]() as AsyncIterator<Buffer>;
    let offset = 0;
    for (let next = await body.next(); !next.done; next = await body.next()) {
      await sendChunk(ctx, uploadId, offset, next.value);
      offset += next.value.length;
    }
    return await endUpload(ctx, uploadId);
  } catch (error) {
    await abortUpload(ctx, uploadId);
    throw error;
  }
}
