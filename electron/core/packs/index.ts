/** The packs domain's public face: other domains and the shell import only from here. */
export { packHandlers } from './handlers';
export { buildPack } from './build';
export { importPack, PackRefused, PackUntrusted } from './import';
export { verifyPack, type PackVerification } from './verify';
