import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer } from '@signpdf/utils';
import { signDetached } from './cms';
import { SignPdf } from '@signpdf/signpdf';
import { checkCms, hashRanges } from './cms-check';
import { countByteRanges, readLayout } from './pdf-structure';
import type { PdfSignatureCheck, UnlockedIdentity } from './types';

export interface SignPdfOptions {
  reason: string;
  location?: string;
  signedAt?: Date;
}

/** Sub-filters whose Contents is a detached CMS over the byte ranges. */
const DETACHED = new Set(['adbe.pkcs7.detached', 'ETSI.CAdES.detached']);

/**
 * Signs a PDF (PKCS#7 detached, SHA-256) as an incremental update with an invisible widget —
 * the visible signature block is part of the page the report draws.
 */
export async function signPdf(
  pdf: Buffer,
  identity: UnlockedIdentity,
  options: SignPdfOptions,
): Promise<Buffer> {
  const signedAt = options.signedAt ?? new Date();
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: options.reason,
    contactInfo: identity.email,
    name: identity.name,
    location: options.location ?? '',
    signingTime: signedAt,
    // Room for the CMS: the certificate chain (bounded by the .p12 size) plus signature and attributes.
    signatureLength: Math.max(8192, identity.p12.length * 2),
    widgetRect: [0, 0, 0, 0],
    appName: 'Assay',
  });
  return new SignPdf().sign(withPlaceholder, new IdentitySigner(identity), signedAt);
}

/** Signs a PDF's byte ranges with the same CMS code as pack manifests (one signing path to trust). */
class IdentitySigner extends Signer {
  constructor(private readonly identity: UnlockedIdentity) {
    super();
  }

  override async sign(pdfBuffer: Buffer, signingTime?: Date): Promise<Buffer> {
    return signDetached(pdfBuffer, this.identity, signingTime ?? new Date());
  }
}

const unsigned = (problem: string, unreadable = false): PdfSignatureCheck => ({
  valid: false,
  problems: [problem],
  signer: null,
  signedAt: null,
  coversWholeFile: false,
  unreadable,
});

/** True when the bytes look like a PDF at all (the header may follow a little junk). */
export function looksLikePdf(pdf: Buffer): boolean {
  return pdf.subarray(0, 1024).includes('%PDF-');
}

/**
 * Our own verification of a signed PDF; see RELIABILITY.md → Signatures. Never throws: a file
 * that is not a PDF comes back with `unreadable: true`, any other failure as problems.
 */
export function verifyPdf(pdf: Buffer): PdfSignatureCheck {
  if (!looksLikePdf(pdf)) return unsigned('The file is not a PDF.', true);
  const signatures = countByteRanges(pdf);
  if (signatures === 0) return unsigned('The PDF is not signed.');
  const layout = readLayout(pdf);
  const problems = [...layout.problems];
  if (signatures > 1)
    problems.unshift(`The PDF has ${signatures} signature dictionaries; exactly one is expected.`);
  if (layout.subFilter && !DETACHED.has(layout.subFilter))
    problems.push(
      `The signature format ${layout.subFilter} is not supported (adbe.pkcs7.detached expected).`,
    );
  let signer: PdfSignatureCheck['signer'] = null;
  let signedAt: string | null = null;
  if (layout.contents && layout.ranges) {
    const ranges = layout.ranges;
    const cms = checkCms(layout.contents, (alg) => hashRanges(pdf, ranges, alg));
    problems.push(...cms.problems);
    signer = cms.signer;
    signedAt = cms.signedAt;
  }
  return {
    valid: problems.length === 0,
    problems,
    signer,
    signedAt,
    coversWholeFile: layout.coversWholeFile,
    unreadable: false,
  };
}
