import type { EvidencePreview } from '../../../shared/contracts/evidence';
import type { CoreContext } from '../context';
import { readFileChunk, readSlice } from '../transfer';
import { getEvidenceItem } from './queries';
import { resolveObject } from './vault-paths';

/** Text previews stop here; the rest of the file stays available through export. */
export const TEXT_PREVIEW_CAP = 2 * 1024 * 1024;

/**
 * Text kinds come back as text (decoded as UTF-8, capped); images and PDFs only say so — the
 * renderer reads their bytes with readChunk and shows them with <img> or pdf.js, never as a
 * page that could run anything. Only the vault copy is read, resolved strictly inside the vault.
 */
export async function previewEvidence(ctx: CoreContext, id: string): Promise<EvidencePreview> {
  const item = getEvidenceItem(ctx, id);
  const file = resolveObject(ctx.dataDir, item.sha256);
  if (item.previewKind === 'text') {
    const bytes = await readSlice(file, 0, Math.min(item.size, TEXT_PREVIEW_CAP));
    let text = new TextDecoder('utf-8').decode(bytes);
    // A cut in the middle of a multi-byte character shows as one replacement character: drop it.
    if (item.size > TEXT_PREVIEW_CAP) text = text.replace(/\uFFFD$/, '');
    return {
      kind: 'text',
      mediaType: item.mediaType,
      text,
      truncated: item.size > TEXT_PREVIEW_CAP,
      size: item.size,
    };
  }
  if (item.previewKind === 'image' || item.previewKind === 'pdf') {
    return { kind: item.previewKind, mediaType: item.mediaType, size: item.size };
  }
  return { kind: 'none', mediaType: item.mediaType, size: item.size };
}

export async function readEvidenceChunk(
  ctx: CoreContext,
  id: string,
  offset: number,
  length: number,
): Promise<{ base64: string; offset: number; size: number }> {
  const item = getEvidenceItem(ctx, id);
  return readFileChunk(resolveObject(ctx.dataDir, item.sha256), offset, length);
}
