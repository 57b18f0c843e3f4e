import fs from 'node:fs';
import path from 'node:path';
import type { ParsedInput } from '../../../shared/contracts';
import {
  manifestSchema,
  MANIFEST_PATH,
  MANIFEST_SIGNATURE_PATH,
  MAX_MANIFEST_BYTES,
  packIdSchema,
  type ImportedPack,
  type PackCheck,
  type PackManifest,
} from '../../../shared/contracts/packs';
import type { CoreContext } from '../context';
import { CommandFailure, invalid, notFound } from '../errors';
import { incomingName, readFileChunk, resolveInside, withIncoming } from '../transfer';
import { exportsDir } from '../reports';
import { buildPack } from './build';
import { importPack, packsDir, summary } from './import';
import { IMPORT_NOTE, importNoteSchema, type ImportNote } from './note';
import { verifyPackFolder } from './verify';

/** packs.export: build under exports/ and answer with what browser mode needs to fetch it. */
export async function exportPack(ctx: CoreContext, input: ParsedInput<'packs.export'>) {
  const built = await buildPack(ctx, input);
  return { fileName: built.fileName, bytes: built.bytes, files: built.files, sha256: built.sha256 };
}

/** packs.readChunk: only a plain name, only inside <dataDir>/exports, only a regular .zip file. */
export async function readExportChunk(ctx: CoreContext, input: ParsedInput<'packs.readChunk'>) {
  const name = input.fileName;
  if (name !== path.basename(name) || name.startsWith('.') || !name.endsWith('.zip'))
    throw invalid('fileName', 'must be the name of an exported pack');
  const file = resolveInside(exportsDir(ctx.dataDir), name);
  if (!file || !fs.lstatSync(file).isFile()) throw notFound('Exported pack', name);
  return readFileChunk(file, input.offset, input.length);
}

function packFolder(ctx: CoreContext, id: string): string {
  if (!packIdSchema.safeParse(id).success) throw invalid('id', 'must be an imported pack id');
  const dir = path.join(packsDir(ctx.dataDir), id);
  if (!fs.existsSync(path.join(dir, IMPORT_NOTE))) throw notFound('Imported pack', id);
  return dir;
}

/** A JSON file of an imported pack, refused unread when it is larger than any we write. */
function readSmallJson(file: string): unknown {
  const stat = fs.statSync(file);
  if (stat.size > MAX_MANIFEST_BYTES)
    throw new CommandFailure('CONFLICT', `${path.basename(file)} is too large.`);
  return JSON.parse(fs.readFileSync(file, 'utf8'));
}

const loadManifest = (dir: string): PackManifest =>
  manifestSchema.parse(readSmallJson(path.join(dir, MANIFEST_PATH)));

function loadPack(dir: string): { manifest: PackManifest; note: ImportNote } {
  const manifest = loadManifest(dir);
  const note = importNoteSchema.parse(readSmallJson(path.join(dir, IMPORT_NOTE)));
  return { manifest, note };
}

/** packs.list: every imported pack folder (staging folders are never listed), newest first. */
export function listPacks(ctx: CoreContext): ImportedPack[] {
  const root = packsDir(ctx.dataDir);
  if (!fs.existsSync(root)) return [];
  const packs: ImportedPack[] = [];
  for (const d of fs.readdirSync(root, { withFileTypes: true })) {
    if (!d.isDirectory() || !packIdSchema.safeParse(d.name).success) continue;
    try {
      const { manifest, note } = loadPack(path.join(root, d.name));
      packs.push(summary(d.name, manifest, note));
    } catch {
      // A folder someone edited by hand is skipped here; packs.get on it says what is wrong.
    }
  }
  return packs.sort((a, b) => b.importedAt.localeCompare(a.importedAt) || a.id.localeCompare(b.id));
}

/** packs.get: the manifest and the check made at import, or a fresh one over every byte. */
export async function getPack(ctx: CoreContext, input: ParsedInput<'packs.get'>) {
  const dir = packFolder(ctx, input.id);
  let loaded: ReturnType<typeof loadPack>;
  try {
    loaded = loadPack(dir);
  } catch {
    throw new CommandFailure(
      'CONFLICT',
      `The imported pack ${input.id} has been altered on disk; its manifest or import note cannot be read.`,
    );
  }
  const { manifest, note } = loaded;
  let check: PackCheck = {
    valid: note.check.valid,
    problems: note.check.problems,
    signer: note.check.signer,
    signedAt: note.check.signedAt,
    assessmentId: manifest.assessmentId,
    files: manifest.files.length,
    checkedAt: note.check.checkedAt,
  };
  if (input.recheck) {
    const fresh = await verifyPackFolder(dir);
    check = {
      valid: fresh.valid,
      problems: fresh.problems,
      signer: fresh.signer,
      signedAt: fresh.signedAt,
      assessmentId: fresh.assessmentId,
      files: fresh.files,
      checkedAt: fresh.checkedAt,
    };
  }
  return { pack: { ...summary(input.id, manifest, note), valid: check.valid }, manifest, check };
}

/** packs.readFile: a slice of a file the manifest lists (or the manifest and its signature). */
export async function readPackFile(ctx: CoreContext, input: ParsedInput<'packs.readFile'>) {
  const dir = packFolder(ctx, input.id);
  const manifest = loadManifest(dir);
  const allowed =
    input.path === MANIFEST_PATH ||
    input.path === MANIFEST_SIGNATURE_PATH ||
    manifest.files.some((f) => f.path === input.path);
  if (!allowed) throw invalid('path', 'is not a file of this pack');
  const file = resolveInside(dir, input.path);
  if (!file || !fs.lstatSync(file).isFile()) throw notFound('Pack file', input.path);
  return readFileChunk(file, input.offset, input.length);
}

/**
 * packs.importIncoming: a pack the renderer handed over with incoming.* (never a path), streamed
 * from disk whatever its size, under the name it was sent with. The received file is deleted
 * afterwards, imported or refused.
 */
export async function importIncomingPack(
  ctx: CoreContext,
  input: ParsedInput<'packs.importIncoming'>,
) {
  const sourceName = incomingName(ctx, input.token) ?? 'pack.zip';
  return withIncoming(ctx, input.token, (file) =>
    importPack(ctx, file, { sourceName, acceptUntrusted: input.acceptUntrusted }),
  );
}
