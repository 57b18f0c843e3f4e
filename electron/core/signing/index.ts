/**
 * The signing library's public face: PKCS#12 keys and certificates, detached CMS signatures and
 * signed PDFs. It holds no commands and no store; the identities, reports, packs and verify rooms
 * build on it.
 */
export { signDetached, verifyDetached } from './cms';
export { looksLikePdf, signPdf, verifyPdf, type SignPdfOptions } from './pdf';
export {
  createSelfSigned,
  decodeP12,
  encodeP12,
  fingerprintOf,
  keyBits,
  P12Error,
  STRONG_CERT_SIGNATURES,
  subjectOf,
  toDer,
  type KeyAndCert,
  type SubjectInfo,
} from './p12';
export type { PdfSignatureCheck, SignatureCheck, SignerIdentity, UnlockedIdentity } from './types';
