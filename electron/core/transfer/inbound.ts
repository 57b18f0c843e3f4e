import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { CommandFailure, conflict, invalid, notFound } from '../errors';
import { openReceiver, type FileReceiver, type Received } from './receiver';

/**
 * What one kind of transfer is called in messages, and the type of what its consumer keeps with
 * it from begin to end. A transfer is only ever reached through the kind that began it, so an
 * upload id cannot be finished as an incoming file (and the meta type is known at the end).
 */
export interface TransferKind<Meta> {
  /** For "not found": 'Upload', 'Incoming file'. */
  readonly what: string;
  /** In messages: 'the upload was cancelled'. */
  readonly noun: string;
  /** The input field naming the transfer ('uploadId', 'incomingId'). */
  readonly idField: string;
  /** Said when the transfer's task is cancelled. */
  readonly cancelled: string;
  /** Never set: carries the meta type. */
  readonly meta?: Meta;
}

export const transferKind = <Meta>(kind: Omit<TransferKind<Meta>, 'meta'>): TransferKind<Meta> =>
  kind;

export interface BeginOptions {
  /** The file's name, for messages only (never part of a path). */
  label: string;
  /** The folder the bytes land in, as <dir>/<id>.part (created if missing). */
  dir: string;
  /** Declared size: a chunk past it is refused at once, an end short of it too. */
  size: number;
  /** Cancels the transfer (evidence.cancelImport); the next call answers `kind.cancelled`. */
  signal?: AbortSignal;
  /** Bytes received so far, after every chunk. */
  onProgress?: (received: number) => void;
  /** Called once if the transfer ends without finishing (abort, idle, refusal, cancel, close). */
  onDrop?: () => void;
}

interface Entry {
  kind: TransferKind<unknown>;
  meta: unknown;
  size: number;
  receiver: FileReceiver;
  timer: NodeJS.Timeout;
  options: BeginOptions;
  /** Set when the transfer was cancelled: said once, then the id is gone. */
  failure?: CommandFailure;
  stopListening: () => void;
}

/** Enough for a few windows at once, few enough that a runaway page cannot exhaust handles. */
const MAX_OPEN = 16;
/** A transfer the page abandoned (closed, crashed) is dropped; nothing of it is kept. */
const IDLE_MS = 10 * 60 * 1000;

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

const errorCode = (error: unknown) => (error as NodeJS.ErrnoException).code ?? 'an error';

/**
 * The one way bytes come in from a page: ordered chunks at stated offsets into a private file,
 * hashed as they land, the declared size enforced as they arrive, dropped when idle, cancelled
 * or refused. One registry per core (start.ts), so transfers never leak between data
 * directories; what happens to a finished file is the consumer's business.
 */
export class Transfers {
  private readonly open = new Map<string, Entry>();
  /** Cancellations still removing their bytes (a task's abort does not wait for them). */
  private readonly dropping = new Set<Promise<void>>();

  constructor(private readonly idleMs = IDLE_MS) {}

  async begin<Meta>(kind: TransferKind<Meta>, meta: Meta, options: BeginOptions): Promise<string> {
    if (this.open.size >= MAX_OPEN)
      throw conflict('Too many files are being received at once; wait for one to finish.');
    await fs.promises.mkdir(options.dir, { recursive: true, mode: 0o700 });
    const free = freeBytes(options.dir);
    if (free !== null && free < options.size)
      throw conflict(
        `${options.label} needs ${options.size} bytes but the data directory's disk has ${free} free.`,
      );
    const id = randomUUID();
    const receiver = await openReceiver(path.join(options.dir, `${id}.part`));
    const onAbort = () => {
      const dropped = this.cancel(id).catch(() => undefined);
      this.dropping.add(dropped);
      void dropped.then(() => this.dropping.delete(dropped));
    };
    options.signal?.addEventListener('abort', onAbort, { once: true });
    const entry: Entry = {
      kind,
      meta,
      size: options.size,
      receiver,
      options,
      timer: this.idleTimer(id),
      stopListening: () => options.signal?.removeEventListener('abort', onAbort),
    };
    this.open.set(id, entry);
    if (options.signal?.aborted) await this.cancel(id);
    return id;
  }

  /** Appends the next bytes; `offset` must be exactly what has arrived so far. */
  async chunk<Meta>(
    kind: TransferKind<Meta>,
    id: string,
    offset: number,
    bytes: Buffer,
  ): Promise<{ received: number }> {
    const entry = this.find(kind, id);
    const { receiver } = entry;
    if (offset !== receiver.received)
      throw invalid(
        'offset',
        `expected ${receiver.received}, got ${offset}; chunks must arrive in order`,
      );
    if (receiver.received + bytes.length > entry.size) {
      await this.drop(id);
      throw invalid('base64', `more bytes than the declared size; the ${kind.noun} was cancelled`);
    }
    clearTimeout(entry.timer);
    entry.timer = this.idleTimer(id);
    try {
      // Counted at once, so a chunk sent without waiting still lands at the right offset.
      await receiver.write(bytes);
    } catch (error) {
      // A write refused because the task was cancelled meanwhile says so, not "could not write".
      if (entry.failure) {
        this.forget(id, entry);
        throw entry.failure;
      }
      await this.drop(id);
      throw conflict(
        `The file could not be written (${errorCode(error)}); nothing of it was kept.`,
      );
    }
    entry.options.onProgress?.(receiver.received);
    return { received: receiver.received };
  }

  /** All declared bytes arrived: the file is synced and closed and handed to the consumer. */
  async finish<Meta>(
    kind: TransferKind<Meta>,
    id: string,
  ): Promise<{ received: Received; meta: Meta }> {
    const entry = this.find(kind, id);
    this.forget(id, entry);
    const { receiver } = entry;
    try {
      if (receiver.received !== entry.size)
        throw invalid(
          kind.idField,
          `received ${receiver.received} of ${entry.size} bytes; the ${kind.noun} was cancelled`,
        );
      const received = await receiver.finish();
      // Sound: the entry was found under this very kind object, which fixed Meta at begin.
      return { received, meta: entry.meta as Meta };
    } catch (error) {
      await receiver.discard();
      entry.options.onDrop?.();
      if (error instanceof CommandFailure) throw error;
      throw conflict(`The file could not be stored (${errorCode(error)}); nothing of it was kept.`);
    }
  }

  /** Cancels a transfer of this kind; an unknown or finished id is harmless. */
  async abort<Meta>(kind: TransferKind<Meta>, id: string): Promise<void> {
    if (this.open.get(id)?.kind === kind) await this.drop(id);
  }

  /**
   * Resolves once every transfer cancelled so far has removed its bytes: what a cancel command
   * awaits before it answers, so "cancelled" means the file is already gone.
   */
  async settled(): Promise<void> {
    await Promise.all([...this.dropping]);
  }

  /** The core is closing: every open transfer is dropped. */
  async close(): Promise<void> {
    await Promise.all([...this.open.keys()].map((id) => this.drop(id)));
  }

  private find<Meta>(kind: TransferKind<Meta>, id: string): Entry {
    const entry = this.open.get(id);
    if (!entry || entry.kind !== kind) throw notFound(kind.what, id);
    if (entry.failure) {
      this.forget(id, entry);
      throw entry.failure;
    }
    return entry;
  }

  private idleTimer(id: string): NodeJS.Timeout {
    const timer = setTimeout(() => void this.drop(id).catch(() => undefined), this.idleMs);
    timer.unref();
    return timer;
  }

  private forget(id: string, entry: Entry): void {
    this.open.delete(id);
    clearTimeout(entry.timer);
    entry.stopListening();
  }

  /** Cancelled by its task: the bytes go now; the id stays to say so once (or until idle). */
  private async cancel(id: string): Promise<void> {
    const entry = this.open.get(id);
    if (!entry || entry.failure) return;
    entry.failure = new CommandFailure('CONFLICT', entry.kind.cancelled, { cancelled: true });
    entry.stopListening();
    await entry.receiver.discard();
    entry.options.onDrop?.();
  }

  private async drop(id: string): Promise<void> {
    const entry = this.open.get(id);
    if (!entry) return;
    this.forget(id, entry);
    if (entry.failure) return;
    await entry.receiver.discard();
    entry.options.onDrop?.();
  }
}
