/**
 * The identities domain's public face: signing identities (a key and certificate in a
 * passphrase-protected PKCS#12 under <dataDir>/identities, a row in signing_identities).
 * Other domains and the shell import only from here.
 */
export { identityHandlers } from './handlers';
export { createIdentity, type CreateIdentityInput } from './create';
export { importIdentity, type ImportIdentityInput } from './import';
export { deleteIdentity, listIdentities } from './save';
export { unlockIdentity, WRONG_PASSPHRASE } from './unlock';
export { identitiesDir } from './key-files';
