import { createHash } from 'node:crypto';
import {
  manifestSchema,
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  MAX_MANIFEST_BYTES,
  REPORT_PATH,
  type PackCheck,
  type PackManifest,
} from '../../../shared/contracts/packs';
import { verifyDetached, verifyPdf, type CmsCheck } from '../signing';
import { ArchiveRefused, foldName, nameProblem, type ArchiveLimits } from './archive-safety';
import { folderSource, hashOf, readCapped, zipSource, type PackSource } from './source';

const MAX_SIGNATURE_BYTES = 256 * 1024;
const MAX_REPORT_BYTES = 512 * 1024 * 1024;

export interface PackVerification
  extends PackCheck, Pick<CmsCheck, 'notes' | 'signerCertificate' | 'certificates'> {
  manifest: PackManifest | null;
  /** The archive could not be opened or is unsafe (the CLI exits 2 for "not a zip"). */
  unreadable: boolean;
  /** Refused before any content was read: an unsafe archive. */
  unsafe: boolean;
  /** SHA-256 of the exact manifest bytes checked, so an extraction can be compared with them. */
  manifestSha256: string | null;
}

const fail = (
  problems: string[],
  extra: Partial<PackVerification> = {},
  at = new Date().toISOString(),
): PackVerification => ({
  valid: false,
  problems,
  signer: null,
  signedAt: null,
  assessmentId: null,
  files: 0,
  checkedAt: at,
  manifest: null,
  unreadable: false,
  unsafe: false,
  manifestSha256: null,
  notes: [],
  signerCertificate: null,
  certificates: [],
  ...extra,
});

function parseManifest(bytes: Buffer): { manifest: PackManifest } | { problem: string } {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    return { problem: 'manifest.json is not valid UTF-8 JSON.' };
  }
  const parsed = manifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    return {
      problem: `manifest.json is not an Assay pack manifest (${issue?.path.join('.') || 'root'}: ${issue?.message ?? 'invalid'}).`,
    };
  }
  return { manifest: parsed.data };
}

/** The listed paths themselves must be safe and distinct, whatever the zip holds. */
function manifestPathProblems(manifest: PackManifest): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const file of manifest.files) {
    const bad = nameProblem(file.path);
    if (bad || file.path.endsWith('/'))
      problems.push(`The manifest lists an unsafe path ${JSON.stringify(file.path)}.`);
    if (file.path === MANIFEST_PATH || file.path === MANIFEST_SIGNATURE_PATH)
      problems.push(`The manifest lists ${file.path} itself.`);
    const key = foldName(file.path);
    if (seen.has(key)) problems.push(`The manifest lists ${JSON.stringify(file.path)} twice.`);
    seen.add(key);
  }
  return problems;
}

/**
 * Checks a pack's content: manifest (≤ 1 MB, schema), its detached signature, every listed file's
 * size and SHA-256, no unlisted files, and the report PDF's own signature. Never throws for a bad
 * pack: every problem found is returned.
 */
export async function checkPackSource(source: PackSource): Promise<PackVerification> {
  const checkedAt = new Date().toISOString();
  const present = new Map(source.files().map((f) => [f.name, f.size]));
  const manifestSize = present.get(MANIFEST_PATH);
  if (manifestSize === undefined) return fail(['The pack has no manifest.json.'], {}, checkedAt);
  if (manifestSize > MAX_MANIFEST_BYTES)
    return fail([`manifest.json is ${manifestSize} bytes; the limit is ${MAX_MANIFEST_BYTES}.`]);
  const manifestBytes = await readCapped(source, MANIFEST_PATH, MAX_MANIFEST_BYTES);
  const parsed = parseManifest(manifestBytes);
  if ('problem' in parsed) return fail([parsed.problem], {}, checkedAt);
  const { manifest } = parsed;
  const problems = manifestPathProblems(manifest);

  let cms: CmsCheck | null = null;
  const sigSize = present.get(MANIFEST_SIGNATURE_PATH);
  if (sigSize === undefined)
    problems.push('The manifest is not signed (manifest.json.p7s is missing).');
  else if (sigSize > MAX_SIGNATURE_BYTES)
    problems.push('manifest.json.p7s is too large to be a signature.');
  else {
    const sig = await readCapped(source, MANIFEST_SIGNATURE_PATH, MAX_SIGNATURE_BYTES);
    cms = await verifyDetached(manifestBytes, sig);
    problems.push(...cms.problems.map((p) => `Manifest signature: ${p}`));
    if (!cms.valid && cms.problems.length === 0)
      problems.push('The manifest signature is not valid.');
    if (cms.signer && cms.signer.fingerprint !== manifest.signer.fingerprint)
      problems.push('The manifest names a different signer than the one who signed it.');
  }

  const listed = new Set(manifest.files.map((f) => f.path));
  for (const name of present.keys()) {
    if (name !== MANIFEST_PATH && name !== MANIFEST_SIGNATURE_PATH && !listed.has(name))
      problems.push(`${JSON.stringify(name)} is in the pack but not in the manifest.`);
  }
  for (const file of manifest.files) {
    const size = present.get(file.path);
    if (size === undefined) {
      problems.push(`${file.path} is listed in the manifest but missing from the pack.`);
      continue;
    }
    if (size !== file.size) {
      problems.push(`${file.path} is ${size} bytes; the manifest says ${file.size}.`);
      continue;
    }
    const actual = await hashOf(source, file.path);
    if (actual.size !== file.size || actual.sha256 !== file.sha256)
      problems.push(`${file.path} has been altered: its SHA-256 does not match the manifest.`);
  }

  if (!listed.has(REPORT_PATH)) problems.push(`The pack has no signed report (${REPORT_PATH}).`);
  else if ((present.get(REPORT_PATH) ?? 0) > MAX_REPORT_BYTES)
    problems.push('The report is too large to check.');
  else if (present.has(REPORT_PATH)) {
    const pdf = await verifyPdf(await readCapped(source, REPORT_PATH, MAX_REPORT_BYTES));
    problems.push(...pdf.problems.map((p) => `Report signature: ${p}`));
    if (pdf.valid && !pdf.coversWholeFile)
      problems.push('Report signature: it does not cover the whole file.');
    if (pdf.signer && pdf.signer.fingerprint !== manifest.signer.fingerprint)
      problems.push('The report was signed by someone other than the pack signer.');
  }
  return {
    valid: problems.length === 0,
    problems,
    notes: cms?.notes ?? [],
    signer: cms?.signer ?? null,
    signedAt: cms?.signedAt ?? null,
    signerCertificate: cms?.signerCertificate ?? null,
    certificates: cms?.certificates ?? [],
    assessmentId: manifest.assessmentId,
    files: manifest.files.length,
    checkedAt,
    manifest,
    unreadable: false,
    unsafe: false,
    manifestSha256: createHash('sha256').update(manifestBytes).digest('hex'),
  };
}

/** verifyPack: a pack as a .zip path or its bytes. An unsafe archive is refused before any content is read. */
export async function verifyPack(
  zip: string | Buffer,
  limits?: ArchiveLimits,
): Promise<PackVerification> {
  let source: PackSource;
  try {
    source = await zipSource(zip, limits);
  } catch (error) {
    if (error instanceof ArchiveRefused) {
      const unreadable = error.message.startsWith('The file is not a readable zip');
      return fail([error.message], { unreadable, unsafe: true });
    }
    throw error;
  }
  try {
    return await checkPackSource(source);
  } catch (error) {
    if (error instanceof ArchiveRefused) return fail([error.message], { unsafe: true });
    throw error;
  } finally {
    source.close();
  }
}

/** The same checks over an imported pack's folder (packs.get with recheck). */
export async function verifyPackFolder(dir: string): Promise<PackVerification> {
  const source = folderSource(dir);
  const odd = source.files().filter((f) => f.size < 0);
  if (odd.length > 0)
    return fail(odd.map((f) => `${f.name} in the imported pack is not a regular file.`));
  try {
    return await checkPackSource(source);
  } catch (error) {
    if (error instanceof ArchiveRefused) return fail([error.message]);
    throw error;
  }
}
