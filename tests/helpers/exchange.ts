import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { ExchangeRefused } from '../../electron/core/exchange';

/** Expects the import (or export) to be refused for `reason`. */
export async function refused(promise: Promise<unknown>, reason: string): Promise<void> {
  await expect(promise).rejects.toBeInstanceOf(ExchangeRefused);
  await promise.catch((error: unknown) => expect((error as ExchangeRefused).reason).toBe(reason));
}

/** A changed copy of an exchange file's bytes (flipped, cut, rewritten), written into `dir`. */
export function variantOf(
  dir: string,
  bytes: Buffer,
  name: string,
  change: (b: Buffer) => Buffer,
): string {
  const out = path.join(dir, name);
  fs.writeFileSync(out, change(Buffer.from(bytes)));
  return out;
}
