import os from 'node:os';
import path from 'node:path';
import { openStore, type Store } from './db';
import { createContext, type CoreContext } from './context';
import { createDispatcher, type Dispatcher, type DispatchOptions } from './dispatch';
import type { PlatformHooks } from './platform';
import { EventBus } from './events';
import { openLog, type AppLog } from './log';
import { acquireDataDirLock } from './lock';
import { loadCatalogs, type CatalogLoadReport } from './catalog';
import { loadCrosswalks } from './crosswalks';
import { sweepVaultTemp } from './evidence';
import { createTasks } from './tasks';
import { createTransferState, sweepIncoming } from './transfer';
import { removeStrayTemps } from './files';
import { exportsDir } from './reports';
import { identitiesDir } from './identities';
import { checkReplica, installCapture, noteIssued } from './sync';

export interface CoreOptions {
  dataDir: string;
  /** Folder holding migrations/ and resources/ (source tree, out/ or process.resourcesPath). */
  appRoot: string;
  version: string;
  transport: 'ipc' | 'http';
  nativeBinding?: string;
  actor?: string;
  dispatch?: DispatchOptions;
  /** Desktop-only abilities (file dialog, system apps); absent in the CLI, browser mode and tests. */
  platform?: PlatformHooks;
}

export interface Core {
  ctx: CoreContext;
  store: Store;
  dispatcher: Dispatcher;
  events: EventBus;
  catalogs: CatalogLoadReport[];
  close(): void;
}

function defaultActor(): string {
  try {
    return os.userInfo().username || 'assessor';
  } catch {
    return 'assessor';
  }
}

/** Starts everything the main side does that is not Electron: lock, store, catalogs, registry. */
export async function startCore(options: CoreOptions): Promise<Core> {
  const release = acquireDataDirLock(options.dataDir, { nativeBinding: options.nativeBinding });
  let store: Store | undefined;
  let log: AppLog | undefined;
  try {
    store = await openStore({
      dataDir: options.dataDir,
      migrationsDir: path.join(options.appRoot, 'migrations'),
      nativeBinding: options.nativeBinding,
    });
    log = openLog(options.dataDir, options.version);
    const events = new EventBus();
    const ctx = createContext({
      store,
      dataDir: options.dataDir,
      resourcesDir: path.join(options.appRoot, 'resources'),
      version: options.version,
      transport: options.transport,
      events,
      platform: options.platform,
      log,
      tasks: createTasks(),
      transfers: createTransferState(),
      actor: options.actor ?? process.env.ASSAY_ACTOR ?? defaultActor(),
    });
    // A damaged store (opened read-only) gets no housekeeping: nothing at all is changed.
    const readOnly = store.health.readOnly;
    // Before anything else writes: from here every change to an engagement is logged.
    if (!readOnly) {
      // A restored backup or a copied directory gets a replica id of its own first (identity.ts).
      await checkReplica(store.sqlite, options.dataDir, new Date().toISOString());
      installCapture(store.sqlite);
      // The marker is a safety net: a directory that takes the store but not it still opens.
      await noteIssued(store.sqlite, options.dataDir).catch((error: unknown) =>
        log?.unexpected('sync.noteIssued', error),
      );
    }
    const catalogs = readOnly ? [] : loadCatalogs(ctx);
    if (!readOnly) {
      loadCrosswalks(ctx);
      sweepVaultTemp(ctx);
      sweepIncoming(ctx);
      // Half-written exports and identity files from a crash: never finished, never named anywhere.
      await removeStrayTemps(exportsDir(options.dataDir));
      await removeStrayTemps(identitiesDir(options.dataDir));
    }
    const dispatcher = createDispatcher(ctx, options.dispatch);
    const opened = store;
    const openedLog = log;
    return {
      ctx,
      store: opened,
      dispatcher,
      events,
      catalogs,
      close: () => {
        // Whatever is still arriving is dropped; its .part files go (or the next start sweeps them).
        void ctx.transfers.close().catch(() => undefined);
        opened.close();
        openedLog.close();
        release();
      },
    };
  } catch (error) {
    store?.close();
    log?.close();
    release();
    throw error;
  }
}
