#!/usr/bin/env node
// better-sqlite3 is a native module: tests and the CLI need it built for Node's ABI, the
// Electron app for Electron's. The Node build stays in node_modules; the Electron build is
// made once by @electron/rebuild in .electron-native/ and handed to the app as `nativeBinding`,
// so `npm start` and `npm test` each work after the other with no manual step.
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const require = createRequire(import.meta.url);

export async function ensureElectronNative(root) {
  const electronVersion = require('electron/package.json').version;
  const sqliteVersion = require('better-sqlite3/package.json').version;
  const buildRoot = path.join(root, '.electron-native');
  const moduleDir = path.join(buildRoot, 'node_modules', 'better-sqlite3');
  const binding = path.join(moduleDir, 'build', 'Release', 'better_sqlite3.node');
  const stamp = path.join(buildRoot, 'stamp.json');
  const wanted = JSON.stringify({ electronVersion, sqliteVersion });
  if (fs.existsSync(binding) && fs.existsSync(stamp) && fs.readFileSync(stamp, 'utf8') === wanted)
    return binding;

  console.log(`Building better-sqlite3 ${sqliteVersion} for Electron ${electronVersion} (once)…`);
  fs.rmSync(buildRoot, { recursive: true, force: true });
  fs.mkdirSync(path.dirname(moduleDir), { recursive: true });
  fs.cpSync(path.dirname(require.resolve('better-sqlite3/package.json')), moduleDir, {
    recursive: true,
    filter: (src) => !src.includes(`${path.sep}build${path.sep}`),
  });
  fs.writeFileSync(
    path.join(buildRoot, 'package.json'),
    JSON.stringify({
      name: 'assay-electron-native',
      private: true,
      dependencies: { 'better-sqlite3': sqliteVersion },
    }),
  );
  const { rebuild } = await import('@electron/rebuild');
  await rebuild({
    buildPath: buildRoot,
    electronVersion,
    onlyModules: ['better-sqlite3'],
    force: true,
  });
  fs.writeFileSync(stamp, wanted);
  return binding;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  console.log(await ensureElectronNative(root));
}
