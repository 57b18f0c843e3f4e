import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startTestCore, tempDir } from '../helpers/core';
import { seedDemo } from '../../electron/core/demo';
import { importFile } from '../../electron/core/evidence';

describe('evidence linked to findings and risks', () => {
  it('lists the evidence of one risk or one finding, and only theirs', async () => {
    const core = await startTestCore();
    try {
      const demo = await seedDemo(core.ctx, { size: 'small', seed: 3 });
      const engagementId = demo.engagementIds[0] ?? '';
      const sqlite = core.store.sqlite;
      const risk = sqlite
        .prepare('SELECT id FROM risks WHERE engagement_id = ? LIMIT 1')
        .get(engagementId) as { id: string };
      const finding = sqlite.prepare('SELECT id FROM findings LIMIT 1').get() as { id: string };
      const file = path.join(tempDir(), 'bias-test-results.csv');
      fs.writeFileSync(file, 'group,rate\nA,0.41\nB,0.39\n');
      const item = await importFile(core.ctx, file, { engagementId });

      for (const target of [{ riskId: risk.id }, { findingId: finding.id }]) {
        const before = await core.dispatcher.dispatch('evidence.list', { engagementId, ...target });
        expect(before.ok && (before.value as { id: string }[]).some((i) => i.id === item.id)).toBe(
          false,
        );
        const linked = await core.dispatcher.dispatch('evidence.link', {
          evidenceId: item.id,
          ...target,
        });
        expect(linked.ok).toBe(true);
        const after = await core.dispatcher.dispatch('evidence.list', { engagementId, ...target });
        expect(after.ok && (after.value as { id: string }[]).map((i) => i.id)).toContain(item.id);
      }
      const other = sqlite
        .prepare('SELECT id FROM risks WHERE engagement_id = ? AND id <> ? LIMIT 1')
        .get(engagementId, risk.id) as { id: string };
      const none = await core.dispatcher.dispatch('evidence.list', {
        engagementId,
        riskId: other.id,
      });
      expect(none.ok && (none.value as { id: string }[]).some((i) => i.id === item.id)).toBe(false);
    } finally {
      core.close();
    }
  });
});
