/**
 * Getting a large file's bytes onto the disk while it is still being made. Linux keeps written
 * pages in memory until they reach a share of the RAM (gigabytes here) or someone asks: a 1 GiB
 * archive was otherwise all written out by the atomic writer's final fsync, a second or more
 * after its last byte, the disk idle while it was made. Best effort throughout: the final fsync
 * before the rename is what makes the file durable.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';

/** How much may be written between two requests to put it on the disk. */
export const FLUSH_EVERY = 64 * 1024 * 1024;

/** Puts what a write stream has written so far on the disk (nothing before it is open). */
export function flushSoFar(sink: Writable): Promise<void> {
  const fd = (sink as Writable & { fd?: unknown }).fd;
  if (typeof fd !== 'number') return Promise.resolve();
  return new Promise((resolve) => fs.fdatasync(fd, () => resolve()));
}

export interface FlushAlong {
  /** Counts `n` more bytes written; asks for a flush once FLUSH_EVERY have gone by. */
  written(n: number): void;
  /** Settles once no flush is in flight: await it before the file is closed. */
  idle(): Promise<void>;
}

/**
 * Calls `flush` every `every` bytes written, one at a time and without waiting for it: the disk
 * writes the file out while the next megabytes are made. A flush that fails is let go (the final
 * fsync reports what matters).
 */
export function flushAlong(flush: () => Promise<void>, every = FLUSH_EVERY): FlushAlong {
  let since = 0;
  let inFlight: Promise<void> | null = null;
  return {
    written(n) {
      since += n;
      if (since < every || inFlight) return;
      since = 0;
      inFlight = flush()
        .catch(() => undefined)
        .finally(() => {
          inFlight = null;
        });
    },
    idle: () => inFlight ?? Promise.resolve(),
  };
}
