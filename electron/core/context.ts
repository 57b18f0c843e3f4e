import { uuidv7 } from 'uuidv7';
import type { Store } from './db';
import { appendAudit, type AuditEntry } from './audit';
import type { EventBus } from './events';
import type { PlatformHooks } from './platform';

/** What every service needs: the store, the clock, ids, who is acting, and the event bus. */
export interface CoreContext {
  store: Store;
  dataDir: string;
  resourcesDir: string;
  version: string;
  transport: 'ipc' | 'http';
  events: EventBus;
  /** What only the desktop shell provides (file dialog, system apps); empty elsewhere. */
  platform: PlatformHooks;
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
  appendAudit(ctx.store.sqlite, at, ctx.actor(), entry);
}
