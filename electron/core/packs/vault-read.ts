import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Transform, type Readable } from 'node:stream';
import type { EvidenceItem } from '../../../shared/contracts/evidence';
import { CommandFailure } from '../errors';
import { resolveObject } from '../evidence';

/**
 * Read size for evidence: with 64 KiB chunks the per-chunk work of the seven stream hops from
 * the vault to the archive cost about as much as hashing; 1 MiB chunks keep memory flat (a few
 * chunks in flight whatever the file's size) and the CPU on the bytes.
 */
export const VAULT_READ_CHUNK = 1024 * 1024;

const damagedMessage = (label: string) =>
  `The stored file of evidence "${label}" does not match its hash (changed, cut short or missing); run "Check evidence files". No pack was written.`;

/** A vault read that failed becomes a refusal that names the evidence. */
export function damagedEvidence(label: string, cause: unknown): CommandFailure {
  if (cause instanceof CommandFailure && cause.code === 'CONFLICT') return cause;
  return new CommandFailure('CONFLICT', damagedMessage(label));
}

type VaultItem = Pick<EvidenceItem, 'sha256' | 'size' | 'title'>;

/**
 * The one read of an evidence file for a pack: its bytes go from the vault into the archive and
 * through SHA-256 on the way. At the end the hash must be the object's name (the SHA-256 the vault
 * recorded at import, which the manifest lists) and the length its recorded size; otherwise the
 * stream fails, and with it the pack: a file changed behind the vault's back is never shipped.
 * `onBytes` sees each chunk's length (progress). Errors are reported through `fail`.
 */
export function vaultReadStream(
  dataDir: string,
  item: VaultItem,
  onBytes: (n: number) => void,
  fail: (error: Error) => void,
): Readable {
  const hash = createHash('sha256');
  let size = 0;
  const check = new Transform({
    highWaterMark: VAULT_READ_CHUNK,
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      size += chunk.length;
      onBytes(chunk.length);
      done(null, chunk);
    },
    flush(done) {
      if (size === item.size && hash.digest('hex') === item.sha256) return done();
      done(damagedEvidence(item.title, null));
    },
  });
  check.on('error', fail);
  try {
    const source = fs.createReadStream(resolveObject(dataDir, item.sha256), {
      highWaterMark: VAULT_READ_CHUNK,
    });
    source.on('error', (e) => fail(damagedEvidence(item.title, e)));
    return source.pipe(check);
  } catch (error) {
    // resolveObject refuses a missing or odd object before any stream exists.
    fail(damagedEvidence(item.title, error));
    check.destroy();
    return check;
  }
}
