import { describe, expect, it } from 'vitest';
import { benchEvidence } from '../../electron/bench/evidence';

// The bench itself runs 1 GiB (npm run bench); here a small run proves it works end to end.
describe('evidence bench', () => {
  it('measures the import against sha256sum + cp + sync and its memory', async () => {
    const rows = await benchEvidence({ sizeMiB: Number(process.env.ASSAY_BENCH_MIB ?? 64) });
    expect(rows.map((r) => r.name)).toEqual([
      'evidence import (SHA-256 + copy + fsync + commit)',
      'evidence import peak memory above idle',
    ]);
    expect(rows[0]?.baseline).toMatch(/sha256sum \+ cp \+ sync: [\d.]+ s/);
    console.log(rows);
  });
});
