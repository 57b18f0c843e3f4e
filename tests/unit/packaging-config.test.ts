import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { projectRoot } from '../helpers/core';

interface BuilderConfig {
  files: string[];
  asar: boolean;
  asarUnpack: string[];
  extraResources: { from: string; to: string }[];
  linux: { target: string[] };
  win: { target: string[] };
  mac: { target: string[] };
  publish: unknown;
}

const config = parse(
  fs.readFileSync(path.join(projectRoot, 'electron-builder.yml'), 'utf8'),
) as BuilderConfig;
const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
  main: string;
  bin: Record<string, string>;
  scripts: Record<string, string>;
  allowScripts: Record<string, boolean>;
};

describe('packaging configuration', () => {
  it('builds AppImage and deb for Linux, NSIS for Windows and dmg for macOS', () => {
    expect(config.linux.target).toEqual(expect.arrayContaining(['AppImage', 'deb']));
    expect(config.win.target).toContain('nsis');
    expect(config.mac.target).toContain('dmg');
  });

  it('unpacks the native SQLite module from the asar archive', () => {
    expect(config.asar).toBe(true);
    expect(config.asarUnpack.some((p) => p.includes('better-sqlite3') && p.endsWith('.node'))).toBe(
      true,
    );
  });

  it('unpacks the native chart rasteriser (resvg) from the asar archive', () => {
    expect(config.asarUnpack.some((p) => p.includes('@resvg') && p.endsWith('.node'))).toBe(true);
  });

  it('ships migrations and resources beside the app, where main.ts looks for them', () => {
    expect(config.extraResources).toEqual(
      expect.arrayContaining([
        { from: 'migrations', to: 'migrations' },
        { from: 'resources', to: 'resources' },
      ]),
    );
    const main = fs.readFileSync(path.join(projectRoot, 'electron', 'main.ts'), 'utf8');
    expect(main).toContain('app.isPackaged ? process.resourcesPath');
  });

  it('packages the built main, preload and renderer and never publishes anywhere', () => {
    expect(config.files).toContain('out/**/*');
    expect(pkg.main).toBe('out/main/main.js');
    expect(config.publish).toBeNull();
  });

  it('installs without Electron’s download and builds the CLI on install', () => {
    expect(pkg.allowScripts.electron).toBe(false);
    expect(pkg.allowScripts['better-sqlite3']).toBe(true);
    expect(pkg.scripts.prepare).toContain('electron-vite build');
    expect(pkg.bin.assay).toBe('bin/assay.cjs');
  });

  it('restores the Node build of better-sqlite3 after packaging so tests keep working', () => {
    expect(pkg.scripts.dist).toMatch(/electron-builder && npm rebuild better-sqlite3$/);
  });
});
