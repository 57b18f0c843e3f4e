import fs from 'node:fs';
import path from 'node:path';
import { fsyncDir } from '../vault/paths';

const FILE_NAME = /^[0-9a-f-]{36}\.p12$/;

export function identitiesDir(dataDir: string): string {
  return path.join(dataDir, 'identities');
}

/** The stored file of an identity; only names we made (<uuid>.p12) are accepted. */
export function p12Path(dataDir: string, fileName: string): string {
  if (!FILE_NAME.test(fileName)) throw new Error(`Not an identity file name: ${fileName}`);
  return path.join(identitiesDir(dataDir), fileName);
}

/**
 * Writes the PKCS#12 so that it is either fully there or not at all: a private temp file
 * (mode 0600 from creation, never world-readable), fsync, rename, fsync the folder.
 */
export async function writeP12Atomically(
  dataDir: string,
  fileName: string,
  bytes: Buffer,
): Promise<void> {
  const dir = identitiesDir(dataDir);
  await fs.promises.mkdir(dir, { recursive: true, mode: 0o700 });
  const target = p12Path(dataDir, fileName);
  const temp = path.join(dir, `.${fileName}.${process.pid}.tmp`);
  const handle = await fs.promises.open(temp, 'wx', 0o600);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } catch (error) {
    await handle.close();
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await handle.close();
  try {
    await fs.promises.rename(temp, target);
  } catch (error) {
    await fs.promises.rm(temp, { force: true });
    throw error;
  }
  await fsyncDir(dir);
}

export async function removeP12(dataDir: string, fileName: string): Promise<void> {
  await fs.promises.rm(p12Path(dataDir, fileName), { force: true });
  await fsyncDir(identitiesDir(dataDir)).catch(() => undefined);
}

export async function readP12(dataDir: string, fileName: string): Promise<Buffer> {
  return fs.promises.readFile(p12Path(dataDir, fileName));
}
