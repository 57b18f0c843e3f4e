/**
 * Re-importing the genuine file heals a stored object that was altered in place to the same size:
 * dedupe must compare content, not only sizes.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { checkVault, importFile, objectPath } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';

describe('a same-size altered vault object', () => {
  it('is replaced by the verified copy when the genuine file is imported again', async () => {
    const core = await startTestCore();
    try {
      const demo = await seedDemo(core.ctx, { size: 'small', seed: 4 });
      const engagementId = demo.engagementIds[0] ?? '';
      const file = path.join(tempDir(), 'policy.txt');
      fs.writeFileSync(file, 'The genuine AI policy, version 3.\n');
      const item = await importFile(core.ctx, file, { engagementId });
      const stored = objectPath(core.dataDir, item.sha256);
      fs.chmodSync(stored, 0o644);
      fs.writeFileSync(stored, 'The forged! AI policy, version 9.\n');
      expect((await checkVault(core.ctx)).altered).toHaveLength(1);
      await importFile(core.ctx, file, { engagementId });
      expect(fs.readFileSync(stored, 'utf8')).toBe('The genuine AI policy, version 3.\n');
      const report = await checkVault(core.ctx);
      expect(report.altered).toEqual([]);
    } finally {
      core.close();
    }
  });
});
