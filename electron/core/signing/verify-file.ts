import type { SignatureCheckResult } from '../../../shared/contracts/identities';
import { invalid } from '../errors';
import { verifyPack } from '../packs/verify';
import { looksLikePdf, verifyPdf } from './pdf';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

export const isZip = (fileName: string, bytes: Buffer) =>
  /\.zip$/i.test(fileName) || bytes.subarray(0, 4).equals(ZIP_MAGIC);

/**
 * verify.file: the renderer sends the file's bytes (never a path). A PDF report is checked by
 * verifyPdf, a readiness pack (.zip) by the pack verifier (manifest hashes and its signature).
 */
export async function verifyFile(input: {
  fileBase64: string;
  fileName: string;
}): Promise<SignatureCheckResult> {
  const bytes = Buffer.from(input.fileBase64, 'base64');
  if (isZip(input.fileName, bytes)) {
    const pack = await verifyPack(bytes);
    return {
      kind: 'pack',
      valid: pack.valid,
      problems: pack.problems,
      signer: pack.signer,
      signedAt: pack.signedAt,
      unreadable: pack.unreadable,
    };
  }
  if (!looksLikePdf(bytes))
    throw invalid('fileName', `${input.fileName} is not a PDF or a readiness pack (.zip)`);
  return { kind: 'pdf', ...verifyPdf(bytes) };
}
