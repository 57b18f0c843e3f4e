import fs from 'node:fs';
import type { SignatureCheckResult } from '../../../shared/contracts/identities';
import type { TrustAssessment } from '../../../shared/contracts/trust';
import { verifyPack, type PackVerification } from '../packs';
import { readSlice } from '../transfer';
import { looksLikePdf, verifyPdf, type PdfVerification } from '../signing';

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
/** A PDF is checked in memory; one this large is not a report Assay wrote. */
export const MAX_PDF_BYTES = 200 * 1024 * 1024;

export const isZip = (fileName: string, bytes: Buffer) =>
  /\.zip$/i.test(fileName) || bytes.subarray(0, 4).equals(ZIP_MAGIC);

/** The file is neither a PDF nor a pack, or too large to be one Assay wrote. */
export class NotSignedFile extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotSignedFile';
  }
}

export type SignedFileCheck =
  { kind: 'pack'; check: PackVerification } | { kind: 'pdf'; check: PdfVerification };

/**
 * Checks a signed PDF report or readiness pack on disk, the one way the app and the CLI do it: a
 * pack (.zip) is streamed through the pack verifier whatever its size; a PDF is read whole.
 * `fileName` is what to call it in messages (and a .zip name marks a pack).
 */
export async function checkSignedFile(file: string, fileName: string): Promise<SignedFileCheck> {
  if (isZip(fileName, await readSlice(file, 0, 4)))
    return { kind: 'pack', check: await verifyPack(file) };
  const size = (await fs.promises.stat(file)).size;
  if (size > MAX_PDF_BYTES)
    throw new NotSignedFile(`${fileName} is larger than 200 MB, which no report Assay wrote is`);
  const bytes = await fs.promises.readFile(file);
  if (!looksLikePdf(bytes))
    throw new NotSignedFile(`${fileName} is not a PDF or a readiness pack (.zip)`);
  return { kind: 'pdf', check: await verifyPdf(bytes) };
}

/** What the Verify panel shows: the check's facts and the trust verdict. */
export function signatureResult(
  checked: SignedFileCheck,
  trust: TrustAssessment,
): SignatureCheckResult {
  const { check } = checked;
  return {
    kind: checked.kind,
    valid: check.valid,
    problems: check.problems,
    notes: check.notes,
    signer: check.signer,
    signedAt: check.signedAt,
    ...(checked.kind === 'pdf' ? { coversWholeFile: checked.check.coversWholeFile } : {}),
    unreadable: check.unreadable ?? false,
    trust,
  };
}
