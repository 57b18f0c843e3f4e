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
      try {
        response = await fetch(`/api/${encodeURIComponent(command)}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}` },
          body: JSON.stringify(input ?? {}),
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
