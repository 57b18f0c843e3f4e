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
});
