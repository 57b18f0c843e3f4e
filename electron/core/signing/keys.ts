import { createPrivateKey, createPublicKey, generateKeyPairSync, webcrypto } from 'node:crypto';

import { signingKeyTypes, type SigningKeyType } from '../../../shared/contracts/identities';

/** The kinds of key Assay creates: RSA-3072 (widest support) and ECDSA P-256 (small, fast). */
export const KEY_TYPES = signingKeyTypes;
export type KeyType = SigningKeyType;

/** What a public key is, and why it is not acceptable for signing (or null when it is). */
export interface KeyFacts {
  /** 'RSA-3072', 'EC-P256' … as shown to people and stored with an identity. */
  label: string;
  problem: string | null;
}

/** Minimums: RSA below 2048 bits and elliptic curves below 256 bits are refused. */
const MIN_RSA_BITS = 2048;
const CURVES: Record<string, { label: string; bits: number; supported: boolean }> = {
  prime256v1: { label: 'P256', bits: 256, supported: true },
  secp384r1: { label: 'P384', bits: 384, supported: true },
  secp521r1: { label: 'P521', bits: 521, supported: true },
  secp224r1: { label: 'P224', bits: 224, supported: false },
  prime192v1: { label: 'P192', bits: 192, supported: false },
};

/** Describes a SubjectPublicKeyInfo (DER), refusing weak and unsupported keys by name. */
export function describeKey(spki: Buffer): KeyFacts {
  let key: ReturnType<typeof createPublicKey>;
  try {
    key = createPublicKey({ key: spki, format: 'der', type: 'spki' });
  } catch {
    return { label: 'unknown', problem: 'The public key cannot be read.' };
  }
  const details = key.asymmetricKeyDetails ?? {};
  if (key.asymmetricKeyType === 'rsa' || key.asymmetricKeyType === 'rsa-pss') {
    const bits = details.modulusLength ?? 0;
    return {
      label: `RSA-${bits}`,
      problem:
        bits < MIN_RSA_BITS
          ? `The key is RSA with ${bits} bits; at least ${MIN_RSA_BITS} bits are required.`
          : null,
    };
  }
  if (key.asymmetricKeyType === 'ec') {
    const curve = CURVES[details.namedCurve ?? ''];
    if (!curve)
      return {
        label: `EC-${details.namedCurve ?? 'unknown'}`,
        problem: `The key is on the elliptic curve ${details.namedCurve ?? 'unknown'}, which is not supported (P-256, P-384 or P-521).`,
      };
    return {
      label: `EC-${curve.label}`,
      problem:
        curve.bits < 256
          ? `The key is an elliptic-curve key of ${curve.bits} bits; at least 256 bits are required.`
          : null,
    };
  }
  return {
    label: key.asymmetricKeyType ?? 'unknown',
    problem: `The key type ${key.asymmetricKeyType ?? 'unknown'} is not supported (RSA or ECDSA).`,
  };
}

export function generateKey(type: KeyType) {
  return type === 'ec-p256'
    ? generateKeyPairSync('ec', { namedCurve: 'prime256v1' })
    : generateKeyPairSync('rsa', { modulusLength: 3072 });
}

/** A private key (PKCS#8 PEM) as a WebCrypto key that signs with SHA-256. */
export async function signingKey(keyPem: string): Promise<webcrypto.CryptoKey> {
  const key = createPrivateKey(keyPem);
  const pkcs8 = key.export({ type: 'pkcs8', format: 'der' });
  if (key.asymmetricKeyType === 'rsa')
    return webcrypto.subtle.importKey(
      'pkcs8',
      pkcs8,
      { name: 'RSASSA-PKCS1-v1_5', hash: 'SHA-256' },
      false,
      ['sign'],
    );
  if (key.asymmetricKeyType === 'ec') {
    const curve = CURVES[key.asymmetricKeyDetails?.namedCurve ?? ''];
    if (curve?.supported)
      return webcrypto.subtle.importKey(
        'pkcs8',
        pkcs8,
        { name: 'ECDSA', namedCurve: `P-${curve.label.slice(1)}` },
        false,
        ['sign'],
      );
  }
  throw new Error(`Signing with a ${key.asymmetricKeyType ?? 'unknown'} key is not supported.`);
}

/** The SubjectPublicKeyInfo (DER) that belongs to a private key, to pair it with its certificate. */
export function publicKeyOf(keyPem: string): Buffer {
  return createPublicKey(createPrivateKey(keyPem)).export({ type: 'spki', format: 'der' });
}
