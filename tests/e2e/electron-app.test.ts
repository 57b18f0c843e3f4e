import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { _electron as electron } from 'playwright-core';
import { projectRoot, tempDir } from '../helpers/core';

const require = createRequire(import.meta.url);

/** Electron's binary, where this machine has it (it cannot be downloaded on the build machines). */
function electronBinary(): string | null {
  try {
    const binary = require('electron') as unknown as string;
    return fs.existsSync(binary) ? binary : null;
  } catch {
    return null;
  }
}

const binary = electronBinary();
if (!binary) {
  console.log(
    'electron-app: Electron runtime not installed here; the desktop window test runs where it is.',
  );
}

describe('the bundled preload', () => {
  it('requires nothing but electron, so it loads in a sandboxed renderer', () => {
    const preload = fs.readFileSync(
      path.join(projectRoot, 'out', 'preload', 'preload.cjs'),
      'utf8',
    );
    const required = [...preload.matchAll(/require\("([^"]+)"\)/g)].map((m) => m[1]);
    expect(new Set(required)).toEqual(new Set(['electron']));
  });
});

describe.runIf(binary)('the desktop app in Electron', () => {
  it('opens the Engagements screen over IPC with a hardened window', async () => {
    const app = await electron.launch({
      executablePath: binary ?? '',
      args: [projectRoot, `--data-dir=${tempDir('assay-electron-')}`],
      cwd: projectRoot,
    });
    try {
      const page = await app.firstWindow();
      await expect.poll(() => page.getByText('No engagements yet').isVisible()).toBe(true);
      const isolated = await page.evaluate(
        () => typeof (globalThis as { require?: unknown }).require,
      );
      expect(isolated).toBe('undefined');
      expect(page.url()).toMatch(/^assay:\/\/app\//);
    } finally {
      await app.close();
    }
  });
});
