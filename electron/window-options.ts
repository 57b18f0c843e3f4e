import type { BrowserWindowConstructorOptions } from 'electron';

/**
 * The hardened window. Kept apart from main.ts so a unit test can assert every option without
 * Electron's binary: the renderer gets no Node, runs sandboxed and isolated, and sees only the
 * preload's `invoke`/`on`.
 */
export function secureWindowOptions(preloadPath: string): BrowserWindowConstructorOptions {
  return {
    width: 1360,
    height: 880,
    minWidth: 960,
    minHeight: 640,
    show: false,
    title: 'Assay',
    backgroundColor: '#f8f9fa',
    webPreferences: {
      preload: preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      navigateOnDragDrop: false,
      spellcheck: true,
      safeDialogs: true,
    },
  };
}

/** The custom scheme the renderer is served from; file:// would grant access to every local file. */
export const APP_SCHEME = 'assay';
export const APP_ORIGIN = `${APP_SCHEME}://app`;

/** True only for our own top-level page; every IPC message's sender frame must pass this. */
export function isTrustedSender(frameUrl: string | undefined): boolean {
  if (!frameUrl) return false;
  try {
    const url = new URL(frameUrl);
    return `${url.protocol}//${url.host}` === APP_ORIGIN;
  } catch {
    return false;
  }
}

/**
 * Whether a link may be handed to the operating system: plain https to a real host name, no
 * credentials, no control or invisible characters, no look-alike tricks in the raw text.
 */
export function isSafeExternalUrl(raw: string): boolean {
  if (typeof raw !== 'string' || raw.length > 2048) return false;
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u0020\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\\]/.test(raw))
    return false;
  if (!raw.startsWith('https://')) return false;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return false;
  }
  if (url.protocol !== 'https:' || url.username || url.password || url.port) return false;
  const host = url.hostname;
  if (!/^(?=.{1,253}$)([a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/.test(host))
    return false;
  if (host.split('.').some((label) => label.startsWith('xn--'))) return false;
  return true;
}

/**
 * What happens when a page asks for a new window (window.open, target=_blank, middle-click): never
 * an Electron window; the system browser only for a link isSafeExternalUrl accepts.
 */
export function windowOpenDecision(url: unknown): { action: 'deny'; openExternally: boolean } {
  return { action: 'deny', openExternally: typeof url === 'string' && isSafeExternalUrl(url) };
}
