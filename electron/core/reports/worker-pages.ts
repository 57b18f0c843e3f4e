/**
 * Counts page objects in react-pdf's plain output (no object streams). Kept apart from worker.ts,
 * which starts rendering as soon as it is loaded.
 */
export function countPages(pdf: Uint8Array): number {
  const text = Buffer.from(pdf.buffer, pdf.byteOffset, pdf.byteLength).toString('latin1');
  return (text.match(/\/Type \/Page\b(?!s)/g) ?? []).length;
}
