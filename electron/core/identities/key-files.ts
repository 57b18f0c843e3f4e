import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir, writeFileAtomic } from '../files';

const FILE_NAME = /^[0-9a-f-]{36}\.p12$/;

export function identitiesDir(dataDir: string): string {
  return path.join(dataDir, 'identities');
}

/** The stored file of an identity; only names we made (<uuid>.p12) are accepted. */
export function p12Path(dataDir: string, fileName: string): string {
  if (!FILE_NAME.test(fileName)) throw new Error(`Not an identity file name: ${fileName}`);
  return path.join(identitiesDir(dataDir), fileName);
}

/** Writes the PKCS#12 so that it is either fully there or not at all, private (0600) from creation. */
export async function writeP12Atomically(
  dataDir: string,
  fileName: string,
  bytes: Buffer,
): Promise<void> {
  await fs.promises.mkdir(identitiesDir(dataDir), { recursive: true, mode: 0o700 });
  await writeFileAtomic(p12Path(dataDir, fileName), bytes, { mode: 0o600 });
}

export async function removeP12(dataDir: string, fileName: string): Promise<void> {
  await fs.promises.rm(p12Path(dataDir, fileName), { force: true });
  await fsyncDir(identitiesDir(dataDir)).catch(() => undefined);
}

export async function readP12(dataDir: string, fileName: string): Promise<Buffer> {
  return fs.promises.readFile(p12Path(dataDir, fileName));
}
