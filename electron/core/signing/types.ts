/**
 * The signing interface the report and pack features build on. Implemented in this folder
 * (identities in a passphrase-protected PKCS#12 under <dataDir>/identities, CMS signatures).
 */
export interface SignerIdentity {
  id: string;
  name: string;
  organisation: string;
  email: string;
  role: string;
  /** SHA-256 of the certificate's DER, upper-case hex pairs joined by ':'. */
  fingerprint: string;
  notBefore: string;
  notAfter: string;
}

/** An identity whose private key is unlocked for this one operation; never persisted. */
export interface UnlockedIdentity extends SignerIdentity {
  /** The PKCS#12 file as stored (its size bounds the room a PDF signature needs). */
  p12: Buffer;
  passphrase: string;
  /** PEM of the private key and certificate(s): every signature (PDF and manifest) is made from these. */
  keyPem: string;
  certPem: string;
}

export interface SignatureCheck {
  /** Intact: the signature verifies and covers exactly what it should (whole file / the data). */
  valid: boolean;
  /** Human-readable reasons, one per failed check; empty when valid. */
  problems: string[];
  /** True things a reader should know that are not failures (the signing time is only claimed …). */
  notes: string[];
  signer: { name: string; email: string; organisation: string; fingerprint: string } | null;
  signedAt: string | null;
}

export interface PdfSignatureCheck extends SignatureCheck {
  /** The signed byte ranges start at 0 and end at the end of the file. */
  coversWholeFile: boolean;
  /** The input is not a PDF at all (the CLI exits 2 for it, not 1). */
  unreadable?: boolean;
}
