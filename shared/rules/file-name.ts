/** The longest file name we keep; longer ones are refused, not silently cut. */
export const MAX_FILE_NAME = 200;

// Characters that make a name lie about itself or break it in other tools: C0/C1 controls,
// bidirectional overrides and isolates (a "gpj.exe" that shows as "exe.jpg"), zero-width and
// other invisible formatting characters, the byte-order mark, and noncharacters.
const FORBIDDEN_RANGES: [number, number][] = [
  [0x0000, 0x001f],
  [0x007f, 0x009f],
  [0x00ad, 0x00ad],
  [0x061c, 0x061c],
  [0x115f, 0x1160],
  [0x17b4, 0x17b5],
  [0x180e, 0x180e],
  [0x200b, 0x200f],
  [0x202a, 0x202e],
  [0x2060, 0x206f],
  [0x3164, 0x3164],
  [0xfdd0, 0xfdef],
  [0xfeff, 0xfeff],
  [0xffa0, 0xffa0],
  [0xfff0, 0xfffb],
  [0xfffe, 0xffff],
];

function forbiddenCodePoint(name: string): number | null {
  for (const ch of name) {
    const code = ch.codePointAt(0) ?? 0;
    if (FORBIDDEN_RANGES.some(([lo, hi]) => code >= lo && code <= hi)) return code;
  }
  return null;
}

/**
 * Checks the name an evidence file is stored under (the original name, shown to people and used
 * as the default name when exporting). Returns the NFC form of the name, or a message that says
 * what is wrong with it.
 */
export function checkFileName(
  raw: string,
): { ok: true; name: string } | { ok: false; message: string } {
  if (/\p{Cs}/u.test(raw))
    return { ok: false, message: 'contains broken Unicode (a lone surrogate)' };
  const name = raw.normalize('NFC');
  if (name.trim() === '') return { ok: false, message: 'is empty' };
  if ([...name].length > MAX_FILE_NAME)
    return { ok: false, message: `is longer than ${MAX_FILE_NAME} characters` };
  if (name.includes('/') || name.includes('\\'))
    return { ok: false, message: 'must be a file name, not a path (no / or \\)' };
  if (name === '.' || name === '..') return { ok: false, message: 'is not a file name' };
  const code = forbiddenCodePoint(name);
  if (code !== null) {
    return {
      ok: false,
      message: `contains an invisible or control character (U+${code.toString(16).toUpperCase().padStart(4, '0')}) that could disguise it`,
    };
  }
  if (/\p{Co}/u.test(name)) return { ok: false, message: 'contains a private-use character' };
  if (name !== name.trim()) return { ok: false, message: 'must not start or end with a space' };
  return { ok: true, name };
}

/** The extension in lower case without the dot ("" when none). */
export function fileExtension(name: string): string {
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** "Northwind-Lending-Ltd-risk-register-2026-12-01.xlsx": the client's name made safe for any file system. */
export function exportFileName(
  clientName: string,
  what: string,
  date: string,
  ext: string,
): string {
  const safe =
    clientName
      .replace(/[^A-Za-z0-9 _-]+/g, '')
      .trim()
      .replace(/\s+/g, '-') || 'engagement';
  return `${safe}-${what}-${date.slice(0, 10)}.${ext}`;
}
