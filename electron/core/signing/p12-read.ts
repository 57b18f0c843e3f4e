import { createDecipheriv, pbkdf2Sync } from 'node:crypto';
import forge from 'node-forge';
import { arrayBufferOf, asn1js, OID, pkijs } from './pki';

/**
 * Reads a PKCS#12 (.p12/.pfx) bag by bag with asn1js, keeping every certificate's bytes exactly as
 * the file holds them (a re-encoding changes the SHA-256 fingerprint people pin and trust).
 *
 * Passphrases follow the standard and OpenSSL 3: the MAC and the legacy PKCS#12 ciphers take the
 * passphrase as BMPString (pkijs and forge do that), PBES2 takes it as UTF-8. PBES2 (what we and
 * OpenSSL 3 write) is decrypted by node:crypto; forge only decrypts the legacy 3DES and RC2
 * schemes older tools and Windows exports use.
 */

const ENCRYPTED_DATA = '1.2.840.113549.1.7.6';
const X509_CERTIFICATE = '1.2.840.113549.1.9.22.1';
const KEY_BAG = '1.2.840.113549.1.12.10.1.1';
const PBES2 = '1.2.840.113549.1.5.13';
const PRF_HASH: Record<string, string> = {
  '1.2.840.113549.2.7': 'sha1',
  '1.2.840.113549.2.9': 'sha256',
  '1.2.840.113549.2.10': 'sha384',
  '1.2.840.113549.2.11': 'sha512',
};
const CIPHERS: Record<string, { name: string; keyLength: number }> = {
  '2.16.840.1.101.3.4.1.2': { name: 'aes-128-cbc', keyLength: 16 },
  '2.16.840.1.101.3.4.1.22': { name: 'aes-192-cbc', keyLength: 24 },
  '2.16.840.1.101.3.4.1.42': { name: 'aes-256-cbc', keyLength: 32 },
  '1.2.840.113549.3.7': { name: 'des-ede3-cbc', keyLength: 24 },
};

/** Why a file does not open: the passphrase is wrong, or the file is not what it claims. */
export class P12ReadError extends Error {
  constructor(
    message: string,
    readonly kind: 'passphrase' | 'content',
  ) {
    super(message);
    this.name = 'P12ReadError';
  }
}

const content = (why: string) => new P12ReadError(why, 'content');
const WRONG_PASSPHRASE = new P12ReadError(
  'The passphrase does not open this identity',
  'passphrase',
);

type Block = asn1js.AsnType;

interface ForgeCipher {
  update(input: forge.util.ByteStringBuffer): void;
  finish(): boolean;
  output: forge.util.ByteStringBuffer;
}
/** forge's password-based ciphers (exported at runtime, missing from its typings). */
const pbe = (
  forge.pki as unknown as {
    pbe: { getCipher(oid: string, params: forge.asn1.Asn1, password: string): ForgeCipher };
  }
).pbe;

// By the tag, not the parsed value: asn1js also parses a primitive OCTET STRING's content.
const isConstructed = (b: Block): b is asn1js.Constructed =>
  b.idBlock.isConstructed && Array.isArray((b as asn1js.Constructed).valueBlock.value);

/** The bytes of an OCTET STRING, primitive or chunked (BER) into pieces. */
function octets(block: Block | undefined): Buffer {
  if (!block) throw content('an expected value is missing');
  if (isConstructed(block)) return Buffer.concat(block.valueBlock.value.map(octets));
  return Buffer.from((block as asn1js.Primitive).valueBlock.valueHexView);
}

const childrenOf = (block: Block | undefined): Block[] =>
  block && isConstructed(block) ? block.valueBlock.value : [];

const oidOf = (block: Block | undefined) =>
  block instanceof asn1js.ObjectIdentifier ? block.valueBlock.toString() : '';

function decode(bytes: Uint8Array): Block {
  const parsed = asn1js.fromBER(arrayBufferOf(bytes));
  if (parsed.offset === -1) throw content('not ASN.1');
  return parsed.result;
}

function pbes2Decrypt(params: Block, encrypted: Buffer, passphrase: string): Buffer | null {
  const pbes2 = new pkijs.PBES2Params({ schema: params });
  const kdf = new pkijs.PBKDF2Params({ schema: pbes2.keyDerivationFunc.algorithmParams });
  const hash = PRF_HASH[kdf.prf?.algorithmId ?? '1.2.840.113549.2.7'];
  const cipher = CIPHERS[pbes2.encryptionScheme.algorithmId];
  const salt = kdf.salt as asn1js.OctetString;
  if (!hash || !cipher) return null;
  const key = pbkdf2Sync(
    Buffer.from(passphrase, 'utf8'),
    octets(salt),
    kdf.iterationCount,
    cipher.keyLength,
    hash,
  );
  const iv = octets(pbes2.encryptionScheme.algorithmParams as Block);
  try {
    const decipher = createDecipheriv(cipher.name, key, iv);
    return Buffer.concat([decipher.update(encrypted), decipher.final()]);
  } catch {
    throw WRONG_PASSPHRASE;
  }
}

function forgeDecrypt(oid: string, params: Block, encrypted: Buffer, password: string) {
  let cipher: ForgeCipher;
  try {
    const forgeParams = forge.asn1.fromDer(
      forge.util.createBuffer(Buffer.from(params.toBER(false)).toString('binary')),
    );
    cipher = pbe.getCipher(oid, forgeParams, password);
  } catch {
    throw content(`the encryption ${oid} is not supported`);
  }
  cipher.update(forge.util.createBuffer(encrypted.toString('binary')));
  return cipher.finish() ? Buffer.from(cipher.output.getBytes(), 'binary') : null;
}

/** Password-based decryption: PBES2 by node:crypto, the legacy PKCS#12 schemes by forge. */
function decrypt(algorithm: Block | undefined, encrypted: Buffer, passphrase: string): Buffer {
  const [algOid, params] = childrenOf(algorithm);
  const oid = oidOf(algOid);
  if (!params) throw content('an encryption has no parameters');
  // Identity files Assay wrote with forge took a PBES2 passphrase as its raw JS characters,
  // which differs from UTF-8 beyond ASCII: those must keep opening.
  const passwords = oid === PBES2 ? [forge.util.encodeUtf8(passphrase), passphrase] : [passphrase];
  if (oid === PBES2) {
    try {
      const plain = pbes2Decrypt(params, encrypted, passphrase);
      if (plain) return plain;
    } catch (error) {
      if (passwords[0] === passwords[1]) throw error;
      passwords.shift();
    }
  }
  for (const password of new Set(passwords)) {
    const plain = forgeDecrypt(oid, params, encrypted, password);
    if (plain) return plain;
  }
  throw WRONG_PASSPHRASE;
}

export interface P12Contents {
  /** PKCS#8 DER of every private key, decrypted. */
  keys: Buffer[];
  /** Every certificate as its original DER, in file order. */
  certificates: Buffer[];
  shrouded: boolean;
}

function readSafe(safeContents: Buffer, passphrase: string, into: P12Contents): void {
  for (const bag of childrenOf(decode(safeContents))) {
    const [bagId, wrapped] = childrenOf(bag);
    const value = childrenOf(wrapped)[0];
    const id = oidOf(bagId);
    if (id === OID.certBag) {
      const [certId, certValue] = childrenOf(value);
      if (oidOf(certId) === X509_CERTIFICATE)
        into.certificates.push(octets(childrenOf(certValue)[0]));
    } else if (id === KEY_BAG && value) {
      into.keys.push(Buffer.from(value.toBER(false)));
    } else if (id === OID.pkcs8ShroudedKeyBag) {
      const [algorithm, encrypted] = childrenOf(value);
      into.keys.push(decrypt(algorithm, octets(encrypted), passphrase));
      into.shrouded = true;
    }
  }
}

/** Checks the password MAC (pkijs: BMPString passphrase, SHA-1 or SHA-2 HMAC). */
async function checkMac(bytes: Buffer, passphrase: string): Promise<void> {
  let pfx: pkijs.PFX;
  try {
    pfx = pkijs.PFX.fromBER(arrayBufferOf(bytes));
  } catch {
    throw content('not a PKCS#12 file');
  }
  if (!pfx.macData) return;
  try {
    await pfx.parseInternalValues({
      password: arrayBufferOf(Buffer.from(passphrase, 'utf8')),
      checkIntegrity: true,
    });
  } catch {
    throw WRONG_PASSPHRASE;
  }
}

/** Opens a password-integrity PKCS#12: MAC checked, every safe and key decrypted. */
export async function readP12(bytes: Buffer, passphrase: string): Promise<P12Contents> {
  await checkMac(bytes, passphrase);
  const [, authSafe] = childrenOf(decode(bytes));
  const [type, explicit] = childrenOf(authSafe);
  if (oidOf(type) !== OID.data) throw content('only password-protected PKCS#12 files are read');
  const into: P12Contents = { keys: [], certificates: [], shrouded: false };
  for (const info of childrenOf(decode(octets(childrenOf(explicit)[0])))) {
    const [kind, body] = childrenOf(info);
    const inner = childrenOf(body)[0];
    if (oidOf(kind) === OID.data) readSafe(octets(inner), passphrase, into);
    else if (oidOf(kind) === ENCRYPTED_DATA) {
      const [, encryptedInfo] = childrenOf(inner);
      const [, algorithm, encrypted] = childrenOf(encryptedInfo);
      if (encrypted) readSafe(decrypt(algorithm, octets(encrypted), passphrase), passphrase, into);
    }
  }
  return into;
}
