import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { defaultDataDir, findAppRoot } from '../../electron/core/paths';
import { projectRoot, tempDir } from '../helpers/core';

describe('defaultDataDir', () => {
  const home = os.homedir();

  it('uses %APPDATA%\\Assay on Windows, or the roaming folder under home without APPDATA', () => {
    expect(defaultDataDir({ APPDATA: 'C:/Users/ana/AppData/Roaming' }, 'win32')).toBe(
      path.join('C:/Users/ana/AppData/Roaming', 'Assay'),
    );
    expect(defaultDataDir({}, 'win32')).toBe(path.join(home, 'AppData', 'Roaming', 'Assay'));
  });

  it('uses ~/Library/Application Support/Assay on macOS', () => {
    expect(defaultDataDir({}, 'darwin')).toBe(
      path.join(home, 'Library', 'Application Support', 'Assay'),
    );
  });

  it('uses $XDG_CONFIG_HOME/Assay on Linux, or ~/.config/Assay without it', () => {
    expect(defaultDataDir({ XDG_CONFIG_HOME: '/srv/config' }, 'linux')).toBe(
      path.join('/srv/config', 'Assay'),
    );
    expect(defaultDataDir({}, 'linux')).toBe(path.join(home, '.config', 'Assay'));
  });

  it('lets ASSAY_DATA_DIR override every platform, resolved to an absolute path', () => {
    for (const platform of ['win32', 'darwin', 'linux'] as const) {
      expect(defaultDataDir({ ASSAY_DATA_DIR: '/data/assay', APPDATA: '/x' }, platform)).toBe(
        path.resolve('/data/assay'),
      );
    }
    expect(defaultDataDir({ ASSAY_DATA_DIR: 'relative/dir' }, 'linux')).toBe(
      path.resolve('relative/dir'),
    );
  });

  it('ignores an empty ASSAY_DATA_DIR', () => {
    expect(defaultDataDir({ ASSAY_DATA_DIR: '' }, 'linux')).toBe(
      path.join(home, '.config', 'Assay'),
    );
  });
});

describe('findAppRoot', () => {
  it('finds the folder holding migrations/ from anywhere below it', () => {
    expect(findAppRoot(projectRoot)).toBe(projectRoot);
    expect(findAppRoot(path.join(projectRoot, 'electron', 'core', 'db'))).toBe(projectRoot);
  });

  it('fails loudly when no migrations are found above the start folder', () => {
    const start = tempDir('assay-noroot-');
    expect(() => findAppRoot(start)).toThrow(/installation is incomplete/);
  });
});
