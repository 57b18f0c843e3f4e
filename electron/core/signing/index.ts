/**
 * The signing library's public face: keys and certificates (pkijs), PKCS#12 identity files,
 * detached CMS signatures and signed PDFs. It holds no commands and no store; the identities,
 * trust, reports, packs and verify rooms build on it.
 */
export { signDetached, verifyDetached } from './cms';
export { CLOCK_SKEW_MS, type CmsCheck } from './cms-check';
export { looksLikePdf, signPdf, verifyPdf, type PdfVerification, type SignPdfOptions } from './pdf';
export {
  CertificateError,
  certificatesFromFile,
  certificatesFromPem,
  fingerprintOf,
  normaliseFingerprint,
  readCertificate,
  toPem,
  type CertificateFacts,
  type SubjectInfo,
} from './certificate';
export { createSelfSigned } from './create';
export { KEY_TYPES, type KeyType } from './keys';
export { decodeP12, encodeP12, P12Error, type KeyAndCert } from './p12';
export type { PdfSignatureCheck, SignatureCheck, SignerIdentity, UnlockedIdentity } from './types';
