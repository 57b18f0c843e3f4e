import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * The platform's per-user application-data folder, the same one Electron's `userData` names,
 * so the desktop app, the CLI and browser mode all find the same store.
 */
export function defaultDataDir(
  env: NodeJS.ProcessEnv = process.env,
  platform = process.platform,
): string {
  if (env.ASSAY_DATA_DIR) return path.resolve(env.ASSAY_DATA_DIR);
  const home = os.homedir();
  if (platform === 'win32')
    return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), 'Assay');
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', 'Assay');
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), 'Assay');
}

/** The folder holding migrations/ and resources/: the source tree, or next to the built files. */
export function findAppRoot(start: string): string {
  let dir = start;
  for (;;) {
    if (fs.existsSync(path.join(dir, 'migrations', 'meta', '_journal.json'))) return dir;
    const parent = path.dirname(dir);
    if (parent === dir) {
      throw new Error(
        `Cannot find Assay's migrations/ and resources/ above ${start}; the installation is incomplete.`,
      );
    }
    dir = parent;
  }
}
