import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';
import path from 'node:path';
import { projectRoot } from '../helpers/core';

const eslint = new ESLint({ cwd: projectRoot });

async function ruleHits(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(projectRoot, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId?.endsWith('no-restricted-imports'))
    .map((m) => m.message);
}

describe('architecture boundaries enforced by lint', () => {
  it('refuses electron imports in electron/core', async () => {
    expect(
      await ruleHits(
        'electron/core/x.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toHaveLength(1);
  });

  it('allows electron imports in main.ts and preload.ts', async () => {
    expect(
      await ruleHits(
        'electron/main.ts',
        "import { app } from 'electron';\nexport const a = app;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleHits(
        'electron/preload.ts',
        "import { ipcRenderer } from 'electron';\nexport const i = ipcRenderer;\n",
      ),
    ).toEqual([]);
  });

  it('refuses Node, Electron and renderer imports in shared/', async () => {
    expect(
      await ruleHits('shared/x.ts', "import fs from 'node:fs';\nexport const f = fs;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits('shared/x.ts', "import path from 'path';\nexport const p = path;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits('shared/x.ts', "import { app } from 'electron';\nexport const a = app;\n"),
    ).toHaveLength(1);
    expect(
      await ruleHits(
        'shared/x.ts',
        "import { useState } from 'react';\nexport const u = useState;\n",
      ),
    ).toHaveLength(1);
  });

  it('refuses electron/ imports in the renderer', async () => {
    const hits = await ruleHits(
      'renderer/src/x.ts',
      "import { startCore } from '../../electron/core/start';\nexport const s = startCore;\n",
    );
    expect(hits.length).toBeGreaterThan(0);
  });

  it('allows Electron types, and only types, in window-options.ts', async () => {
    expect(
      await ruleHits(
        'electron/window-options.ts',
        "import type { BrowserWindow } from 'electron';\nexport type W = BrowserWindow;\n",
      ),
    ).toEqual([]);
    expect(
      await ruleHits(
        'electron/window-options.ts',
        "import { BrowserWindow } from 'electron';\nexport const W = BrowserWindow;\n",
      ),
    ).toHaveLength(1);
  });
});
