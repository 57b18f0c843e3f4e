/**
 * The trust domain's public face: who this data directory trusts to have signed a PDF or pack —
 * its own identities, certificates imported or pinned by fingerprint (a row in trusted_signers),
 * and certificates issued by an imported CA — and the verdict a verification reaches with them.
 */
export { trustHandlers } from './handlers';
export { addCertificate, listTrust, pinFingerprint, removeSigner } from './signers';
export {
  assessTrust,
  trustAnchors,
  type CheckedSignature,
  type TrustAnchors,
  type TrustOptions,
} from './assess';
