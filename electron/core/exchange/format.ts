import { createCipheriv, createDecipheriv, createHash, createHmac, scrypt } from 'node:crypto';
import { z } from 'zod';

/**
 * The `.assayx` file (format 1):
 *
 *   "ASSAYX1\n" · u32 header length · header (JSON, plaintext, bound into every chunk as AAD)
 *   chunks: u32 ciphertext length · u8 final (0|1) · ciphertext · 16-byte GCM tag
 *
 * AES-256-GCM with a key from scrypt (memory-hard: N=2^17, r=8 — 128 MiB) over the passphrase and
 * a random salt, so every file has its own key and the nonce can be the chunk's index. Each
 * chunk's AAD is SHA-256(magic · header) · index · final flag: a chunk cannot be moved, dropped,
 * or taken from another file, the header cannot be changed, and a file cut after any chunk but
 * the one marked final is truncated, never merely shorter. The plaintext is a run of frames
 * (u8 kind · u64 length · bytes): the change set (JSON), evidence objects, and the end frame with
 * the payload's SHA-256 and, when signed, a detached CMS signature over header and payload.
 */
export const MAGIC = Buffer.from('ASSAYX1\n', 'latin1');
export const FORMAT_VERSION = 1;
export const CHUNK_SIZE = 1024 * 1024;
export const TAG_LENGTH = 16;
export const MAX_HEADER = 64 * 1024;

export const KDF = { N: 2 ** 17, r: 8, p: 1 } as const;
/** The work factors a reader accepts: not weaker than 2^15, not so costly it stalls the machine. */
const KDF_LIMITS = { minLogN: 15, maxLogN: 20, maxR: 16, maxP: 4 };

export const FRAME = { changeSet: 1, blob: 2, end: 3 } as const;
export const FRAME_HEAD = 9;

export const headerSchema = z.object({
  format: z.literal('assayx'),
  /** Checked before anything else: a file from a newer Assay is refused by name. */
  version: z.number().int().positive(),
  assay: z.string().max(50),
  createdAt: z.string().max(40),
  engagementId: z.string().min(1).max(100),
  sender: z.string().min(1).max(100),
  /** What the sending directory had received from each replica (max counter). */
  versionVector: z.record(z.string().max(100), z.number().int().nonnegative()),
  catalogs: z
    .array(z.object({ frameworkId: z.string().max(200), revision: z.number().int() }))
    .max(100),
  evidence: z.object({
    included: z.boolean(),
    files: z.number().int().nonnegative(),
    bytes: z.number().nonnegative(),
  }),
  kdf: z.object({
    name: z.literal('scrypt'),
    N: z.number().int(),
    r: z.number().int(),
    p: z.number().int(),
    salt: z.string().max(100),
  }),
  /** HMAC of a fixed text under the key: tells a wrong passphrase from an altered file. */
  keyCheck: z.string().max(100),
  /** Who signed, as the sender says; only the signature in the end frame is believed. */
  signer: z.object({ name: z.string().max(500), fingerprint: z.string().max(200) }).nullable(),
});
export type ExchangeHeader = z.infer<typeof headerSchema>;

/**
 * The payload's SHA-256 is what a signature covers; an unsigned file needs none (every chunk is
 * authenticated already) and carries this instead, so neither side hashes 1 GiB for nothing.
 */
export const UNSIGNED_PAYLOAD = '0'.repeat(64);

export const endSchema = z.object({
  payloadSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** Base64 DER of a detached CMS signature over signedText(header, payload), or null. */
  signature: z.string().max(200_000).nullable(),
});

export function kdfAcceptable(kdf: ExchangeHeader['kdf']): boolean {
  const logN = Math.log2(kdf.N);
  return (
    Number.isInteger(logN) &&
    logN >= KDF_LIMITS.minLogN &&
    logN <= KDF_LIMITS.maxLogN &&
    kdf.r >= 1 &&
    kdf.r <= KDF_LIMITS.maxR &&
    kdf.p >= 1 &&
    kdf.p <= KDF_LIMITS.maxP
  );
}

export function deriveKey(passphrase: string, kdf: ExchangeHeader['kdf']): Promise<Buffer> {
  const salt = Buffer.from(kdf.salt, 'base64');
  const maxmem = 256 * kdf.N * kdf.r * kdf.p;
  return new Promise((resolve, reject) =>
    scrypt(
      passphrase.normalize('NFC'),
      salt,
      32,
      { N: kdf.N, r: kdf.r, p: kdf.p, maxmem },
      (error, key) => (error ? reject(error) : resolve(key)),
    ),
  );
}

export const keyCheckOf = (key: Buffer) =>
  createHmac('sha256', key).update('assayx key check').digest('base64');

/** SHA-256 of the magic and header bytes: bound into every chunk and into the signature. */
export const headerDigest = (headerBytes: Buffer) =>
  createHash('sha256').update(MAGIC).update(headerBytes).digest();

function nonceOf(index: number): Buffer {
  const nonce = Buffer.alloc(12);
  nonce.writeBigUInt64BE(BigInt(index), 4);
  return nonce;
}

function aadOf(digest: Buffer, index: number, final: boolean): Buffer {
  const aad = Buffer.alloc(digest.length + 9);
  digest.copy(aad);
  aad.writeBigUInt64BE(BigInt(index), digest.length);
  aad[digest.length + 8] = final ? 1 : 0;
  return aad;
}

/** One chunk as the parts to write (length and flag, ciphertext, tag): no copy of the body. */
export function sealChunk(
  key: Buffer,
  digest: Buffer,
  index: number,
  final: boolean,
  plain: Buffer,
): Buffer[] {
  const cipher = createCipheriv('aes-256-gcm', key, nonceOf(index));
  cipher.setAAD(aadOf(digest, index, final));
  const body = cipher.update(plain);
  const rest = cipher.final();
  const head = Buffer.alloc(5);
  head.writeUInt32BE(body.length + rest.length, 0);
  head[4] = final ? 1 : 0;
  return rest.length > 0
    ? [head, body, rest, cipher.getAuthTag()]
    : [head, body, cipher.getAuthTag()];
}

/** Decrypts one chunk; throws when its tag does not hold (altered, moved or from another file). */
export function openChunk(
  key: Buffer,
  digest: Buffer,
  index: number,
  final: boolean,
  body: Buffer,
  tag: Buffer,
): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, nonceOf(index));
  decipher.setAAD(aadOf(digest, index, final));
  decipher.setAuthTag(tag);
  const plain = decipher.update(body);
  const rest = decipher.final();
  return rest.length > 0 ? Buffer.concat([plain, rest]) : plain;
}

export function frameHead(kind: number, length: number): Buffer {
  const head = Buffer.alloc(FRAME_HEAD);
  head[0] = kind;
  head.writeBigUInt64BE(BigInt(length), 1);
  return head;
}

/** What the exporter's identity signs: the header's digest and the payload's. */
export const signedText = (digest: Buffer, payloadSha256: string) =>
  Buffer.from(`assayx-signature-v1\n${digest.toString('hex')}\n${payloadSha256}\n`, 'utf8');
