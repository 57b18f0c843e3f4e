import { uuidv7 } from 'uuidv7';
import type { Store } from './db';
import { appendAudit, type AuditEntry } from './audit';
import type { EventBus } from './events';
import type { AppLog } from './log';
import type { PlatformHooks } from './platform';

/** What every service needs: the store, the clock, ids, who is acting, the event bus and the log. */
export interface CoreContext {
  store: Store;
  dataDir: string;
  resourcesDir: string;
  version: string;
  transport: 'ipc' | 'http';
  events: EventBus;
  /** What only the desktop shell provides (file dialog, system apps); empty elsewhere. */
  platform: PlatformHooks;
  /** Where unexpected errors are recorded (a rolling file under <dataDir>/logs). */
  log: AppLog;
  now(): string;
  newId(): string;
  actor(): string;
}

export interface ContextOptions {
  store: Store;
  dataDir: string;
  resourcesDir: string;
  version: string;
  transport: 'ipc' | 'http';
  events: EventBus;
  platform?: PlatformHooks;
  log: AppLog;
  actor: string;
  clock?: () => Date;
  newId?: () => string;
}

export function createContext(options: ContextOptions): CoreContext {
  const clock = options.clock ?? (() => new Date());
  return {
    store: options.store,
    dataDir: options.dataDir,
    resourcesDir: options.resourcesDir,
    version: options.version,
    transport: options.transport,
    events: options.events,
    platform: options.platform ?? {},
    log: options.log,
    now: () => clock().toISOString(),
    newId: options.newId ?? (() => uuidv7()),
    actor: () => options.actor,
  };
}

/** Runs `fn` in one write transaction; nothing is written unless all of it succeeds. */
export function inTransaction<T>(ctx: CoreContext, fn: () => T): T {
  return ctx.store.sqlite.transaction(fn).immediate();
}

export function audit(ctx: CoreContext, at: string, entry: AuditEntry): void {
  appendAudit(ctx.store.db, at, ctx.actor(), entry);
}
