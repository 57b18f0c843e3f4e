import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/core';

const gate = path.join(projectRoot, 'scripts', 'electronegativity.mjs');
const run = (args: string[] = []) =>
  spawnSync(process.execPath, [gate, ...args], {
    cwd: projectRoot,
    encoding: 'utf8',
    timeout: 240_000,
  });

describe('Electronegativity over electron/', () => {
  it('finds nothing outside its commented allow-list, and every allow-list entry still matches', () => {
    const r = run();
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/electronegativity: \d+ findings, \d+ allowed/);
  }, 240_000);

  it('fails on a main file without navigation limits or a permission handler, naming the checks', () => {
    const dir = tempDir('assay-en-');
    fs.writeFileSync(
      path.join(dir, 'main.ts'),
      "import { BrowserWindow } from 'electron';\n" +
        'new BrowserWindow({ webPreferences: { nodeIntegration: true, sandbox: false, contextIsolation: false } });\n',
    );
    const r = run(['--input', dir]);
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/LIMIT_NAVIGATION_GLOBAL_CHECK/);
    expect(r.stderr).toMatch(/PERMISSION_REQUEST_HANDLER_GLOBAL_CHECK/);
    expect(r.stderr).toMatch(/allow-list entry no longer matches/);
  }, 240_000);
});
