/**
 * The one CSV writer of Assay. Every CSV we write (SoA, risk register, impact assessments,
 * evidence requests, the documented-information index …) goes through `toCsv`.
 *
 * The files go to clients who open them in a spreadsheet, and the text in them is what people
 * typed (or what an imported file was called), so a cell must never run as a formula:
 * - RFC 4180: a field holding a comma, semicolon, quote or line break is quoted, quotes doubled;
 *   the semicolon too, because spreadsheets in much of Europe split on it.
 * - A text field starting with = + - @ tab or CR gets a leading apostrophe (even "-12"),
 *   also behind leading spaces or quotes, which some readers trim or take as quoting.
 * - So does any part of a field right after a comma, semicolon, tab or line break: a reader set
 *   to another separator than ours sees a quote in the middle of a line as a plain character,
 *   splits the field there, and would otherwise run the part that follows.
 */

export type CsvValue = string | number | null | undefined;

const SEPARATORS = ',;\t\r\n';
// A piece: what follows the field's start or a separator, up to the next separator. Blanks and
// quotes before its first character are skipped over: a reader may trim the one and consume the
// other as quoting, and the apostrophe goes right before the character that would start a formula.
// Text that looks like a negative number is guarded too: a semicolon-locale reader takes
// "-1,2+…" as the formula -1.2+… when the next field follows a comma. Numbers we computed
// (scores, counts) are written as they are; none of them is negative.
const PIECE = new RegExp(`(^|[${SEPARATORS}])([ "]*)([=+\\-@])`, 'g');

function neutralise(text: string): string {
  const guarded = text.replace(PIECE, "$1$2'$3");
  return /^[\t\r]/.test(guarded) ? `'${guarded}` : guarded;
}

/** One CSV cell, neutralised and quoted as above; null and undefined are empty. */
export function csvCell(value: CsvValue): string {
  if (value === null || value === undefined) return '';
  const text = typeof value === 'number' ? String(value) : neutralise(value);
  return /[",;\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: readonly (readonly CsvValue[])[]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
