/**
 * Reads CSV text the way a spreadsheet does when set to a given separator: a quote opens a quoted
 * field only at the start of a field; elsewhere it is a plain character. Used to prove that no
 * cell of an export becomes a live formula, whichever separator the reader's locale uses.
 */
export function spreadsheetRows(text: string, sep: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let atStart = true;
  const endField = () => {
    row.push(field);
    field = '';
    atStart = true;
  };
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i] ?? '';
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && atStart) {
      quoted = true;
      atStart = false;
    } else if (ch === sep) endField();
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      endField();
      rows.push(row);
      row = [];
    } else {
      field += ch;
      atStart = false;
    }
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

const PLAIN_NUMBER = /^-?\d+(\.\d+)?$/;

/**
 * Cells a spreadsheet would evaluate, for a reader splitting on comma, semicolon or tab: after
 * any leading blanks (some readers trim them) the cell starts with = + - @, a plain number aside.
 */
export function liveFormulaCells(text: string): string[] {
  const found: string[] = [];
  for (const sep of [',', ';', '\t']) {
    for (const cell of spreadsheetRows(text.replace(/^\uFEFF/, ''), sep).flat()) {
      const trimmed = cell.replace(/^[\s]+/, '');
      if (/^[=+\-@]/.test(trimmed) && !PLAIN_NUMBER.test(trimmed)) found.push(`${sep}|${cell}`);
    }
  }
  return found;
}
