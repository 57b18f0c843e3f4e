/**
 * Bytes put in FRONT of a signed PDF shift every offset: the checker must say so, not call them
 * "added after signing" (an incremental update), which sends the reader looking at the wrong end.
 */
import { describe, expect, it } from 'vitest';
import { signPdf, verifyPdf } from '../../electron/core/signing/pdf';
import { makePdf } from '../helpers/pdf';
import { memoryIdentity } from '../helpers/signing';

describe('a signed PDF with bytes prepended', () => {
  it('is altered, and the reason names bytes in front, not an update after signing', async () => {
    const identity = await memoryIdentity('Dana Assessor');
    const signed = await signPdf(await makePdf(), identity, {
      reason: 'test',
      signedAt: new Date(),
    });
    for (const prefix of ['%PDF-1.7\n% a different document in front\n', 'junk\n'.repeat(20)]) {
      const check = await verifyPdf(Buffer.concat([Buffer.from(prefix), signed]));
      expect(check.valid).toBe(false);
      const said = check.problems.join(' ');
      expect(said).not.toMatch(/added after signing/);
      expect(said).toMatch(/in front of the signed document/);
    }
  });
});
