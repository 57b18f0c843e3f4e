import fs from 'node:fs';
import type { SignatureCheckResult } from '../../../shared/contracts/identities';
import type { CoreContext } from '../context';
import { invalid } from '../errors';
import { readSlice, withIncoming } from '../transfer';
import { verifyPack } from '../packs';
import { looksLikePdf, verifyPdf } from '../signing';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A PDF is checked in memory; one this large is not a report Assay wrote (as in the CLI). */
const MAX_PDF_BYTES = 200 * 1024 * 1024;

export const isZip = (fileName: string, bytes: Buffer) =>
  /\.zip$/i.test(fileName) || bytes.subarray(0, 4).equals(ZIP_MAGIC);

/**
 * verify.incoming: the renderer hands the file over with incoming.* (never a path). A readiness
 * pack (.zip) is streamed from disk through the pack verifier (manifest hashes and its
 * signature), whatever its size; a PDF report is read whole for verifyPdf. The received file is
 * deleted afterwards, whatever the outcome.
 */
export function verifyIncoming(
  ctx: CoreContext,
  input: { token: string; fileName: string },
): Promise<SignatureCheckResult> {
  return withIncoming(ctx, input.token, async (file) => {
    if (isZip(input.fileName, await readSlice(file, 0, 4))) {
      const pack = await verifyPack(file);
      return {
        kind: 'pack',
        valid: pack.valid,
        problems: pack.problems,
        signer: pack.signer,
        signedAt: pack.signedAt,
        unreadable: pack.unreadable,
      };
    }
    const size = (await fs.promises.stat(file)).size;
    if (size > MAX_PDF_BYTES)
      throw invalid('fileName', `${input.fileName} is larger than 200 MB, which no report is`);
    const bytes = await fs.promises.readFile(file);
    if (!looksLikePdf(bytes))
      throw invalid('fileName', `${input.fileName} is not a PDF or a readiness pack (.zip)`);
    const pdf = await verifyPdf(bytes);
    return {
      kind: 'pdf',
      valid: pdf.valid,
      problems: pdf.problems,
      signer: pdf.signer,
      signedAt: pdf.signedAt,
      coversWholeFile: pdf.coversWholeFile,
      unreadable: pdf.unreadable,
    };
  });
}
