import fs from 'node:fs';
import path from 'node:path';

/** Whether `candidate` lies strictly below `root` (both absolute and already resolved). */
export const isInside = (root: string, candidate: string) =>
  candidate.startsWith(root + path.sep) && !path.relative(root, candidate).startsWith('..');

/**
 * Resolves a name a caller gives for a file inside `root`; refuses (null) anything absolute,
 * with a NUL, climbing out, or leading out once links are followed.
 */
export function resolveInside(root: string, name: string): string | null {
  if (name.includes('\0') || path.isAbsolute(name) || /^[a-zA-Z]:|^\\\\/.test(name)) return null;
  const joined = path.resolve(root, name);
  if (!isInside(path.resolve(root), joined)) return null;
  try {
    const real = fs.realpathSync(joined);
    return isInside(fs.realpathSync(root), real) ? real : null;
  } catch {
    return null;
  }
}
