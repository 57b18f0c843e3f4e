import { spawnSync } from 'node:child_process';

/** A PDF's text laid out as on the page (poppler's pdftotext -layout). */
export function pdfText(file: string): string {
  const r = spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8', timeout: 60_000 });
  if (r.error) throw r.error;
  return r.stdout;
}
