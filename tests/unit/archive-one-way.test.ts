/**
 * Archives are read one way: the central directory is the truth, and every byte of the file must
 * be what it says. A zip that another reader could see differently (an extra local entry, names
 * or sizes that disagree, data before the first entry as in a PDF+ZIP polyglot, overlapping
 * entries) is refused; so is one whose total expansion is out of proportion or beyond free space.
 */
import { describe, expect, it } from 'vitest';
import { ArchiveRefused, ensureRoom, openSafeZip } from '../../electron/core/packs/archive-safety';
import {
  centralRecords,
  dropFromCentral,
  makeZip,
  patchLocalField,
  patchLocalName,
  prependShifted,
  setLocalOffset,
} from '../helpers/hostile-zip';

const base = () =>
  makeZip([
    { name: 'manifest.json', data: Buffer.from('{"files":[]}') },
    { name: 'report/forged.pdf', data: Buffer.from('%PDF-1.7 a forged report') },
    { name: 'soa/statement.csv', data: Buffer.from('a,b\r\n1,2\r\n') },
  ]);

async function refusal(bytes: Buffer): Promise<string> {
  const error = await openSafeZip(bytes).then(
    (zip) => {
      zip.close();
      return null;
    },
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ArchiveRefused);
  return (error as Error).message;
}

describe('archives read one way', () => {
  it('an honest zip opens', async () => {
    const zip = await openSafeZip(await base());
    expect(zip.entries.map((e) => e.name)).toHaveLength(3);
    zip.close();
  });

  it('refuses a local entry that the central directory does not list', async () => {
    const hidden = dropFromCentral(await base(), 'report/forged.pdf');
    expect(await refusal(hidden)).toMatch(/not covered by the central directory/);
  });

  it('refuses a local header whose name differs from the central one', async () => {
    const renamed = patchLocalName(await base(), 'report/forged.pdf', 'report/FORGED.pdf');
    expect(await refusal(renamed)).toMatch(/local header.*"report\/FORGED\.pdf"/);
  });

  it('refuses a local header whose flags differ from the central one', async () => {
    const flagged = patchLocalField(await base(), 'soa/statement.csv', 6, 0x0800 | 0x0002);
    expect(await refusal(flagged)).toMatch(/local header .* flags/);
  });

  it('refuses a PDF+ZIP polyglot: data before the first entry', async () => {
    const pdf = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
    expect(await refusal(prependShifted(await base(), pdf))).toMatch(/before the first entry/);
  });

  it('refuses two entries that share bytes', async () => {
    const zip = await base();
    const first = centralRecords(zip)[0]?.localOffset ?? 0;
    expect(await refusal(setLocalOffset(zip, 'soa/statement.csv', first))).toMatch(/overlap/);
  });

  it('refuses bytes after the end of the archive', async () => {
    const tail = Buffer.concat([await base(), Buffer.from('%PDF-1.7 tail')]);
    expect(await refusal(tail)).toMatch(/after the end|not a readable zip/);
  });

  it('refuses a total expansion far beyond the archive size, though no entry alone is a bomb', async () => {
    const zeros = Buffer.alloc(1024 * 1024);
    const bomb = await makeZip(
      Array.from({ length: 40 }, (_, i) => ({ name: `evidence/${i}.bin`, data: zeros })),
    );
    expect(await refusal(bomb)).toMatch(/expands .* times its own size/);
  });

  it('refuses to extract when the contents would not fit in the free space', async () => {
    const zip = await openSafeZip(await base());
    try {
      await expect(ensureRoom(zip, '/tmp', async () => 10)).rejects.toThrow(/free space/);
      await expect(ensureRoom(zip, '/tmp', async () => 10 * 1024 * 1024)).resolves.toBeUndefined();
    } finally {
      zip.close();
    }
  });
});
