import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { Signer } from '@signpdf/utils';
import { signDetached } from './cms';
import { SignPdf } from '@signpdf/signpdf';
import { checkCms, type CmsCheck } from './cms-check';
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

const unsigned = (problem: string, unreadable = false): PdfVerification => ({
  valid: false,
  problems: [problem],
  notes: [],
  signerCertificate: null,
  certificates: [],
  signer: null,
  signedAt: null,
  coversWholeFile: false,
  unreadable,
});

/** True when the bytes look like a PDF at all (the header may follow a little junk). */
export function looksLikePdf(pdf: Buffer): boolean {
  return pdf.subarray(0, 1024).includes('%PDF-');
}

/** A PDF's check with what a trust decision needs: the signer's certificate and its chain. */
export type PdfVerification = PdfSignatureCheck &
  Pick<CmsCheck, 'signerCertificate' | 'certificates'>;

/**
 * Our own verification of a signed PDF; see RELIABILITY.md → Signatures. Never throws: a file
 * that is not a PDF comes back with `unreadable: true`, any other failure as problems.
 */
export async function verifyPdf(pdf: Buffer, now?: Date): Promise<PdfVerification> {
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
  let cms: CmsCheck | null = null;
  if (layout.contents && layout.ranges) {
    const signed = Buffer.concat(layout.ranges.map(([at, n]) => pdf.subarray(at, at + n)));
    cms = await checkCms(layout.contents, signed, now);
    problems.push(...cms.problems);
  }
  return {
    valid: problems.length === 0,
    problems,
    notes: cms?.notes ?? [],
    signer: cms?.signer ?? null,
    signedAt: cms?.signedAt ?? null,
    signerCertificate: cms?.signerCertificate ?? null,
    certificates: cms?.certificates ?? [],
    coversWholeFile: layout.coversWholeFile,
    unreadable: false,
  };
}
