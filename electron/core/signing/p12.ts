import { createHash, createPrivateKey } from 'node:crypto';
import { readCertificate } from './certificate';
import { publicKeyOf } from './keys';
import { P12ReadError, readP12, type P12Contents } from './p12-read';
import { arrayBufferOf, asn1js, OID, pkijs } from './pki';

/** A private key and its certificate chain, as an identity file holds them. */
export interface KeyAndCert {
  /** PKCS#8 PEM of the private key (RSA or EC). */
  keyPem: string;
  /** Every certificate in the file as DER, the key's own first, so a chain travels with signatures. */
  chain: Buffer[];
  /** The key sits in an encrypted (shrouded) bag rather than a plain one. */
  shrouded?: boolean;
}

/** PBKDF2 rounds for the key and the MAC. */
const P12_ITERATIONS = 10_000;

function bagAttributes(localKeyId: Buffer, friendlyName: string): pkijs.Attribute[] {
  return [
    new pkijs.Attribute({
      type: OID.localKeyId,
      values: [new asn1js.OctetString({ valueHex: arrayBufferOf(localKeyId) })],
    }),
    new pkijs.Attribute({
      type: OID.friendlyName,
      values: [new asn1js.BmpString({ value: friendlyName })],
    }),
  ];
}

/**
 * PKCS#12 written by pkijs: the key shrouded with PBES2 (PBKDF2-HMAC-SHA256, AES-256-CBC), the
 * certificates in a plain bag (they are public), a SHA-256 MAC over all of it. Readable by
 * openssl 3, NSS and Windows, and by decodeP12 below.
 */
export async function encodeP12(
  kc: KeyAndCert,
  passphrase: string,
  friendlyName: string,
): Promise<Buffer> {
  const [own] = kc.chain;
  if (!own) throw new Error('The identity has no certificate.');
  const password = arrayBufferOf(Buffer.from(passphrase, 'utf8'));
  const localKeyId = createHash('sha1').update(own).digest();
  const keyInfo = pkijs.PrivateKeyInfo.fromBER(
    arrayBufferOf(createPrivateKey(kc.keyPem).export({ type: 'pkcs8', format: 'der' })),
  );
  const keyBag = new pkijs.PKCS8ShroudedKeyBag({ parsedValue: keyInfo });
  await keyBag.makeInternalValues({
    password,
    contentEncryptionAlgorithm: { name: 'AES-CBC', length: 256 },
    hmacHashAlgorithm: 'SHA-256',
    iterationCount: P12_ITERATIONS,
  });
  // pkijs writes the encrypted key as a chunked (BER) OCTET STRING; readers that insist on DER,
  // forge among them, want it in one piece.
  keyBag.encryptedData = new asn1js.OctetString({
    valueHex: arrayBufferOf(new Uint8Array(keyBag.encryptedData.getValue())),
  });
  const certBags = kc.chain.map(
    (der, i) =>
      new pkijs.SafeBag({
        bagId: OID.certBag,
        bagValue: new pkijs.CertBag({
          parsedValue: pkijs.Certificate.fromBER(arrayBufferOf(der)),
        }),
        ...(i === 0 ? { bagAttributes: bagAttributes(localKeyId, friendlyName) } : {}),
      }),
  );
  const safe = new pkijs.AuthenticatedSafe({
    parsedValue: {
      safeContents: [
        {
          privacyMode: 0,
          value: new pkijs.SafeContents({
            safeBags: [
              new pkijs.SafeBag({
                bagId: OID.pkcs8ShroudedKeyBag,
                bagValue: keyBag,
                bagAttributes: bagAttributes(localKeyId, friendlyName),
              }),
            ],
          }),
        },
        { privacyMode: 0, value: new pkijs.SafeContents({ safeBags: certBags }) },
      ],
    },
  });
  await safe.makeInternalValues({ safeContents: [{}, {}] });
  const pfx = new pkijs.PFX({ parsedValue: { integrityMode: 0, authenticatedSafe: safe } });
  await pfx.makeInternalValues({
    password,
    iterations: P12_ITERATIONS,
    pbkdf2HashAlgorithm: 'SHA-256',
    hmacHashAlgorithm: 'SHA-256',
  });
  return Buffer.from(pfx.toSchema().toBER(false));
}

export class P12Error extends Error {
  constructor(
    message: string,
    readonly kind: 'passphrase' | 'content',
  ) {
    super(message);
    this.name = 'P12Error';
  }
}

function pemOfKey(pkcs8: Buffer): string {
  try {
    return createPrivateKey({ key: pkcs8, format: 'der', type: 'pkcs8' })
      .export({ type: 'pkcs8', format: 'pem' })
      .toString();
  } catch {
    throw new P12Error('The private key in the file cannot be read.', 'content');
  }
}

function spkiOf(der: Buffer): Buffer | null {
  try {
    return Buffer.from(readCertificate(der).parsed.subjectPublicKeyInfo.toSchema().toBER(false));
  } catch {
    return null;
  }
}

/**
 * Opens a PKCS#12 (ours, OpenSSL's, Windows' — legacy 3DES/RC2 included, see p12-read.ts):
 * exactly one private key (RSA or EC) and a certificate for it, certificates kept byte for byte.
 * A wrong passphrase and a malformed file are told apart.
 */
export async function decodeP12(bytes: Buffer, passphrase: string): Promise<KeyAndCert> {
  let contents: P12Contents;
  try {
    contents = await readP12(bytes, passphrase);
  } catch (error) {
    if (error instanceof P12ReadError && error.kind === 'passphrase')
      throw new P12Error(error.message, 'passphrase');
    throw new P12Error('The file is not a readable PKCS#12 (.p12/.pfx) file.', 'content');
  }
  const { keys, certificates } = contents;
  if (keys.length === 0)
    throw new P12Error('The file holds no private key the passphrase opens.', 'content');
  if (keys.length > 1)
    throw new P12Error(
      `The file holds ${keys.length} private keys; exactly one is needed.`,
      'content',
    );
  const keyPem = pemOfKey(keys[0] as Buffer);
  const spki = publicKeyOf(keyPem);
  const own = certificates.find((der) => spkiOf(der)?.equals(spki));
  if (!own) throw new P12Error('No certificate in the file matches its private key.', 'content');
  return {
    keyPem,
    chain: [own, ...certificates.filter((c) => c !== own)],
    shrouded: contents.shrouded,
  };
}
