import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell } from 'electron';
import { startCore, type Core } from './core/start';
import { defaultDataDir, findAppRoot } from './core/paths';
import { contentSecurityPolicy, injectNonce, newNonce } from './web/html';
import { mimeType } from './web/mime';
import { resolveStatic } from './web/static-files';
import { EVENT_CHANNEL, INVOKE_CHANNEL } from './ipc-channels';
import {
  APP_ORIGIN,
  APP_SCHEME,
  isTrustedSender,
  secureWindowOptions,
  windowOpenDecision,
} from './window-options';

protocol.registerSchemesAsPrivileged([
  { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
]);

let core: Core | null = null;
let mainWindow: BrowserWindow | null = null;

function appRoot(): string {
  return app.isPackaged ? process.resourcesPath : findAppRoot(__dirname);
}

function dataDir(): string {
  const flag = process.argv.find((a) => a.startsWith('--data-dir='));
  return flag ? path.resolve(flag.slice('--data-dir='.length)) : defaultDataDir();
}

/** Serves the built renderer from assay://app with a fresh style nonce and a strict CSP. */
function registerAppProtocol(rendererDir: string): void {
  const template = fs.readFileSync(path.join(rendererDir, 'index.html'), 'utf8');
  protocol.handle(APP_SCHEME, (request) => {
    const url = new URL(request.url);
    if (url.host !== 'app') return new Response('Not found', { status: 404 });
    if (url.pathname === '/' || url.pathname === '/index.html') {
      const nonce = newNonce();
      return new Response(injectNonce(template, nonce), {
        headers: {
          'Content-Type': 'text/html; charset=utf-8',
          'Content-Security-Policy': contentSecurityPolicy(nonce),
        },
      });
    }
    const file = resolveStatic(rendererDir, url.pathname);
    if (!file) return new Response('Not found', { status: 404 });
    return new Response(fs.readFileSync(file), { headers: { 'Content-Type': mimeType(file) } });
  });
}

function openWindowHandler({ url }: { url: string }): { action: 'deny' } {
  const decision = windowOpenDecision(url);
  if (decision.openExternally) void shell.openExternal(url);
  return { action: decision.action };
}

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(
    secureWindowOptions(path.join(__dirname, '../preload/preload.cjs')),
  );
  win.webContents.on('will-navigate', (event) => event.preventDefault());
  win.webContents.on('will-redirect', (event) => event.preventDefault());
  win.webContents.on('will-attach-webview', (event) => event.preventDefault());
  win.webContents.setWindowOpenHandler(openWindowHandler);
  win.once('ready-to-show', () => win.show());
  void win.loadURL(`${APP_ORIGIN}/index.html`);
  return win;
}

async function boot(): Promise<void> {
  const root = appRoot();
  const nativeBinding = process.env.ASSAY_ELECTRON_NATIVE_BINDING;
  try {
    core = await startCore({
      dataDir: dataDir(),
      appRoot: root,
      version: app.getVersion(),
      transport: 'ipc',
      nativeBinding: nativeBinding && fs.existsSync(nativeBinding) ? nativeBinding : undefined,
      // Native dialogs and the system's applications: only the main side touches paths.
      platform: {
        pickFiles: async () => {
          if (!mainWindow) return [];
          const picked = await dialog.showOpenDialog(mainWindow, {
            properties: ['openFile', 'multiSelections'],
          });
          return picked.canceled ? [] : picked.filePaths;
        },
        openPath: (file) => shell.openPath(file),
      },
    });
  } catch (error) {
    dialog.showErrorBox('Assay cannot start', (error as Error).message);
    app.exit(1);
    return;
  }
  const started = core;
  session.defaultSession.setPermissionRequestHandler((_wc, _permission, callback) =>
    callback(false),
  );
  session.defaultSession.setPermissionCheckHandler(() => false);
  registerAppProtocol(path.join(__dirname, '..', 'renderer'));

  ipcMain.handle(INVOKE_CHANNEL, async (event, command: unknown, input: unknown) => {
    if (!isTrustedSender(event.senderFrame?.url)) {
      return {
        ok: false,
        error: { code: 'FORBIDDEN', message: 'This window may not call Assay commands.' },
      };
    }
    return started.dispatcher.dispatch(String(command), input);
  });
  started.events.subscribe((name, payload) => {
    mainWindow?.webContents.send(EVENT_CHANNEL, name, payload);
  });
  Menu.setApplicationMenu(null);
  mainWindow = createWindow();
}

// Links we decide to show open in the system browser only when they are safe https links; the
// app itself never opens a second window, and its one page never navigates away (createWindow).
app.on('web-contents-created', (_event, contents) => {
  contents.setWindowOpenHandler(openWindowHandler);
});

if (!app.requestSingleInstanceLock()) {
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow) {
      if (mainWindow.isMinimized()) mainWindow.restore();
      mainWindow.focus();
    }
  });
  void app.whenReady().then(boot);
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', () => core?.close());
}
