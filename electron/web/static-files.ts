import fs from 'node:fs';
import path from 'node:path';

/**
 * Resolves a URL path to a file inside `root`, or null. Decodes once, refuses NUL bytes,
 * backslashes and anything that resolves outside the root (including through a link).
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const candidate = path.resolve(root, `.${path.posix.normalize(`/${decoded}`)}`);
  const realRoot = fs.realpathSync(root);
  let real: string;
  try {
    real = fs.realpathSync(candidate);
  } catch {
    return null;
  }
  if (real !== realRoot && !real.startsWith(realRoot + path.sep)) return null;
  return fs.statSync(real).isFile() ? real : null;
}
