/** An upload larger than its declared size is refused at the first byte over, not after all of it. */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { importStream } from '../../electron/core/evidence';
import { startTestCore } from '../helpers/core';

describe('an upload that lies about its size', () => {
  it('stops reading as soon as it passes the declared size and keeps nothing', async () => {
    const core = await startTestCore();
    try {
      const demo = await seedDemo(core.ctx, { size: 'small', seed: 2 });
      let pulled = 0;
      async function* body() {
        for (let i = 0; i < 64; i += 1) {
          pulled += 1;
          yield Buffer.alloc(1024 * 1024, 0x61);
        }
      }
      await expect(
        importStream(core.ctx, body(), {
          engagementId: demo.engagementIds[0] ?? '',
          fileName: 'claims-ten-bytes.txt',
          expectedSize: 10,
        }),
      ).rejects.toThrow(/larger than its declared 10 bytes/);
      expect(pulled).toBe(1);
      expect(fs.readdirSync(path.join(core.dataDir, 'vault', 'tmp'))).toEqual([]);
    } finally {
      core.close();
    }
  });
});
