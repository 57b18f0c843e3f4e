import { uuidv7 } from 'uuidv7';
import { readOnlyRefusal, type Store } from './db';
import { readOnly } from './errors';
import { appendAudit, type AuditEntry } from './audit';
import type { EventBus } from './events';
import type { AppLog } from './log';
import type { PlatformHooks } from './platform';
import { createTasks, type Tasks } from './tasks';
import { createTransferState, type TransferState } from './transfer';
import { asActor } from './sync';

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
  /** Cancellable tasks and objects held by running work, per core (made in start.ts). */
  tasks: Tasks;
  /** Files arriving in chunks and finished ones waiting for their consumer, per core. */
  transfers: TransferState;
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
  /** The core's own; a context made without them (a test, a tool) gets fresh ones. */
  tasks?: Tasks;
  transfers?: TransferState;
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
    tasks: options.tasks ?? createTasks(),
    transfers: options.transfers ?? createTransferState(),
    now: () => clock().toISOString(),
    newId: options.newId ?? (() => uuidv7()),
    actor: () => options.actor,
  };
}

/** Runs `fn` in one write transaction; nothing is written unless all of it succeeds. */
export function inTransaction<T>(ctx: CoreContext, fn: () => T): T {
  const { sqlite } = ctx.store;
  // The change log names the command's actor (sync capture reads it inside the transaction).
  return asActor(sqlite, ctx.actor(), ctx.now(), () => sqlite.transaction(fn).immediate());
}

/**
 * Refuses on a store opened read-only (damage found at start) before any work that writes outside
 * the database too — a key file, a vault object — so a refused command leaves no file behind.
 * Commands through the dispatcher are refused there already; this is for services the CLI and
 * browser-mode upload call directly.
 */
export function assertWritable(ctx: CoreContext): void {
  const refusal = readOnlyRefusal(ctx.store.health);
  if (refusal) throw readOnly(refusal);
}

export function audit(ctx: CoreContext, at: string, entry: AuditEntry): void {
  appendAudit(ctx.store.db, at, ctx.actor(), entry);
}
