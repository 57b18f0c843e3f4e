import fs from 'node:fs';
import path from 'node:path';
import { CommandFailure } from '../errors';
import { isInside } from '../transfer';

const SHA = /^[0-9a-f]{64}$/;

/** <dataDir>/vault: objects/<aa>/<sha256> for stored files, tmp/ for imports in progress. */
export function vaultDirs(dataDir: string) {
  const root = path.join(dataDir, 'vault');
  return { root, objects: path.join(root, 'objects'), tmp: path.join(root, 'tmp') };
}

export function ensureVault(dataDir: string): void {
  const dirs = vaultDirs(dataDir);
  fs.mkdirSync(dirs.objects, { recursive: true });
  fs.mkdirSync(dirs.tmp, { recursive: true });
}

/** Where an object lives. Only a 64-hex name is accepted, so nothing can climb out. */
export function objectPath(dataDir: string, sha256: string): string {
  if (!SHA.test(sha256)) throw new CommandFailure('VALIDATION', 'Not a stored file name.');
  return path.join(vaultDirs(dataDir).objects, sha256.slice(0, 2), sha256);
}

/**
 * Resolves a stored object for reading, strictly inside the vault: the name must be a SHA-256,
 * and after following every link (realpath) the file must still be inside vault/objects and be a
 * regular file. A link planted in the vault that points elsewhere is refused, not followed.
 */
export function resolveObject(dataDir: string, sha256: string): string {
  const candidate = objectPath(dataDir, sha256);
  let real: string;
  let root: string;
  try {
    root = fs.realpathSync(vaultDirs(dataDir).objects);
    real = fs.realpathSync(candidate);
  } catch {
    throw new CommandFailure(
      'NOT_FOUND',
      `The stored file ${sha256.slice(0, 12)}… is missing from the vault. Run "Check evidence files".`,
    );
  }
  if (!isInside(root, real) || !fs.lstatSync(candidate).isFile()) {
    throw new CommandFailure(
      'FORBIDDEN',
      `The stored file ${sha256.slice(0, 12)}… points outside the vault and was not opened.`,
    );
  }
  return real;
}
