/** The verify domain's public face: other domains and the shell import only from here. */
export { verifyHandlers } from './handlers';
export {
  checkSignedFile,
  isZip,
  MAX_PDF_BYTES,
  NotSignedFile,
  signatureResult,
  type SignedFileCheck,
} from './check-file';
