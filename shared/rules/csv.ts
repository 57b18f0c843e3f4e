/**
 * One CSV cell. Quoted when it holds a comma, quote or line break; a cell that a spreadsheet
 * would read as a formula (= + - @, tab, CR) gets a leading apostrophe, because titles are text
 * people typed and the file goes to a client who opens it in Excel.
 */
export function csvCell(value: string | number): string {
  let text = String(value);
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Rows to CSV text with CRLF line ends (RFC 4180). */
export function toCsv(rows: (string | number)[][]): string {
  return rows.map((row) => row.map(csvCell).join(',')).join('\r\n') + '\r\n';
}
