#!/usr/bin/env node
// `npm start`: opens the Electron window where Electron's binary exists or can be fetched;
// otherwise runs browser mode and says why. No environment variable for the user to know about.
import { spawn, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureElectronNative } from './electron-native.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const passThrough = process.argv.slice(2);

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

/** The Electron binary's path, fetching it once if this machine can; null with the reason if not. */
function electronBinary() {
  if (process.env.ASSAY_BROWSER_MODE === '1')
    return { path: null, reason: 'ASSAY_BROWSER_MODE=1 was set' };
  const locate = () => {
    try {
      return require('electron');
    } catch {
      return null;
    }
  };
  let binary = locate();
  if (!binary) {
    console.log('Fetching the Electron runtime (once)…');
    const install = spawnSync(
      process.execPath,
      [path.join(root, 'node_modules', 'electron', 'install.js')],
      {
        cwd: root,
        encoding: 'utf8',
        timeout: 300_000,
      },
    );
    binary = install.status === 0 ? locate() : null;
    if (!binary) {
      const detail =
        (install.stderr || install.stdout || '').split('\n').find((l) => l.trim()) ?? 'no detail';
      return {
        path: null,
        reason: `Electron's runtime is not installed and could not be downloaded (${detail.trim()})`,
      };
    }
  }
  return { path: binary, reason: null };
}

run(process.execPath, [
  path.join(root, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js'),
  'build',
]);

const electron = electronBinary();
if (electron.path) {
  const nativeBinding = await ensureElectronNative(root);
  const child = spawn(electron.path, ['.', ...passThrough], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, ASSAY_ELECTRON_NATIVE_BINDING: nativeBinding },
  });
  child.on('exit', (code) => process.exit(code ?? 0));
} else {
  console.log(`Starting Assay in browser mode: ${electron.reason}.`);
  console.log(
    'Open the link below in a browser on this computer; everything stays on this machine.',
  );
  const child = spawn(
    process.execPath,
    [path.join(root, 'bin', 'assay.cjs'), 'serve', ...passThrough],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code) => process.exit(code ?? 0));
}
