/**
 * Getting a pack's bytes onto the disk while it is still being made. Linux keeps written pages in
 * memory until they reach a share of the RAM (gigabytes here) or someone asks: a 1 GiB archive
 * was otherwise all written out by the atomic writer's final fsync, a second or more after the
 * last byte, with the disk idle while the archive was made. Best effort throughout: the atomic
 * writer's own fsync before the rename is what makes the file durable.
 */
import fs from 'node:fs';
import type { Writable } from 'node:stream';

/** How much may be written between two requests to put it on the disk. */
export const FLUSH_EVERY = 64 * 1024 * 1024;

/** The file descriptor of an open file write stream, or null before it is open. */
function fdOf(sink: Writable): number | null {
  const fd = (sink as Writable & { fd?: unknown }).fd;
  return typeof fd === 'number' ? fd : null;
}

/** Puts what is written so far on the disk; resolves once done (or failed: best effort). */
export function flushSoFar(sink: Writable): Promise<void> {
  const fd = fdOf(sink);
  if (fd === null) return Promise.resolve();
  return new Promise((resolve) => fs.fdatasync(fd, () => resolve()));
}

/**
 * Asks for the written bytes to go to the disk every FLUSH_EVERY bytes, one request at a time,
 * without waiting for it: the disk writes the archive out while the next megabytes are made.
 * `written(n)` counts bytes handed to `sink`.
 */
export function flushAlong(sink: Writable, every = FLUSH_EVERY): { written: (n: number) => void } {
  let since = 0;
  let busy = false;
  return {
    written(n) {
      since += n;
      if (since < every || busy) return;
      since = 0;
      busy = true;
      void flushSoFar(sink).then(() => {
        busy = false;
      });
    },
  };
}
