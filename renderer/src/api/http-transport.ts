import type { Result } from '../../../shared/contracts/envelope';
import type { Transport } from './transport';

const TOKEN_KEY = 'assay.token';

/**
 * The browser-mode token arrives once in the URL printed by `assay serve`; it is kept for this
 * tab only (sessionStorage) and removed from the address bar so it is not bookmarked or shared.
 */
export function takeToken(): string | null {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function httpTransport(token: string): Transport {
  return {
    kind: 'http',
    async invoke(command, input) {
      let response: Response;
      const body = JSON.stringify(input ?? {});
      try {
        response = await fetch(`/api/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body,
          // A save started as the tab closes still reaches the store (browsers cap keepalive at 64 KB).
          keepalive: body.length < 60_000,
        });
      } catch {
        return {
          ok: false,
          error: {
            code: 'UNAVAILABLE',
            message: 'Assay is not running any more. Start "assay serve" again and reload.',
          },
        };
      }
      if (response.status === 401) {
        return {
          ok: false,
          error: {
            code: 'FORBIDDEN',
            message: 'This page is not authorised. Open the URL printed by "assay serve".',
          },
        };
      }
      try {
        return (await response.json()) as Result<unknown>;
      } catch {
        return {
          ok: false,
          error: {
            code: 'INTERNAL',
            message: `Unexpected answer from Assay (HTTP ${response.status}).`,
          },
        };
      }
    },
    on(event, callback) {
      const source = new EventSource(`/api/events?token=${encodeURIComponent(token)}`);
      const listener = (e: MessageEvent<string>) => callback(JSON.parse(e.data) as unknown);
      source.addEventListener(event, listener);
      return () => source.close();
    },
  };
}

export interface UploadQuery {
  engagementId: string;
  fileName: string;
  size: number;
  taskId: string;
  requirementId?: string;
}

/**
 * Browser mode's way to send a file: POST /api/upload with the bytes as the body (the browser
 * streams a File from disk) and the token like every API call. Progress comes back as
 * "progress" events for the task id; aborting the signal stops the upload.
 */
export async function upload(
  file: Blob,
  query: UploadQuery,
  signal?: AbortSignal,
): Promise<Result<unknown>> {
  const token = sessionStorage.getItem(TOKEN_KEY);
  if (!token) {
    return {
      ok: false,
      error: {
        code: 'FORBIDDEN',
        message: 'This page is not authorised. Open the URL printed by "assay serve".',
      },
    };
  }
  const params = new URLSearchParams({
    engagementId: query.engagementId,
    fileName: query.fileName,
    size: String(query.size),
    taskId: query.taskId,
    ...(query.requirementId ? { requirementId: query.requirementId } : {}),
  });
  let response: Response;
  try {
    response = await fetch(`/api/upload?${params.toString()}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/octet-stream', Authorization: `Bearer ${token}` },
      body: file,
      signal,
    });
  } catch {
    if (signal?.aborted)
      return { ok: false, error: { code: 'CONFLICT', message: 'Cancelled; nothing was kept.' } };
    return {
      ok: false,
      error: { code: 'UNAVAILABLE', message: 'The upload was interrupted; nothing was kept.' },
    };
  }
  try {
    return (await response.json()) as Result<unknown>;
  } catch {
    return {
      ok: false,
      error: {
        code: 'INTERNAL',
        message: `Unexpected answer from Assay (HTTP ${response.status}).`,
      },
    };
  }
}
