import type ExcelJS from 'exceljs';
import { loadExcel } from './excel';
import { IMPORT_MAX_BYTES, IMPORT_MAX_ROWS } from '../../../shared/domain/risk-sheet-fields';
import { invalid } from '../errors';

/** A sheet as text: the header row and the data rows, each cell a trimmed string. */
export interface Grid {
  format: 'xlsx' | 'csv';
  headers: string[];
  rows: string[][];
}

const refuse = (message: string) => invalid('file', message);

export function columnLetter(index: number): string {
  let n = index + 1;
  let s = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    s = String.fromCharCode(65 + rem) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const tooMany = (rows: number) =>
  refuse(
    `The sheet has ${rows.toLocaleString('en')} data rows; one import takes at most ${IMPORT_MAX_ROWS.toLocaleString('en')}. Split it into several files.`,
  );

/** Reads an XLSX or CSV file; anything else, an empty file, too many rows or a formula is refused. */
export async function readGrid(fileName: string, bytes: Buffer): Promise<Grid> {
  if (bytes.length === 0) throw refuse(`${fileName} is empty.`);
  if (bytes.length > IMPORT_MAX_BYTES) throw refuse(`${fileName} is larger than 20 MB.`);
  if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
    return readXlsx(fileName, bytes);
  }
  if (bytes.subarray(0, 4).equals(Buffer.from([0xd0, 0xcf, 0x11, 0xe0]))) {
    throw refuse(`${fileName} is an old Excel (.xls) workbook; save it as .xlsx or .csv first.`);
  }
  let text: string;
  try {
    if (bytes.includes(0)) throw new Error('binary');
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw refuse(`${fileName} is not a spreadsheet Assay can read (XLSX or CSV in UTF-8).`);
  }
  return readCsv(fileName, text.replace(/^\uFEFF/, ''));
}

function cellText(value: ExcelJS.CellValue): string {
  if (value === null || value === undefined) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    if ('richText' in value) return value.richText.map((r) => r.text).join('');
    if ('text' in value) return String(value.text);
    if ('error' in value) return '';
    return '';
  }
  return String(value);
}

async function readXlsx(fileName: string, bytes: Buffer): Promise<Grid> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch {
    throw refuse(`${fileName} could not be read as an XLSX workbook (it may be damaged).`);
  }
  const sheet = workbook.worksheets.find((w) => w.actualRowCount > 0);
  if (!sheet) throw refuse(`${fileName} is empty: no sheet holds any rows.`);
  if (sheet.actualRowCount - 1 > IMPORT_MAX_ROWS) throw tooMany(sheet.actualRowCount - 1);
  const grid: string[][] = [];
  let formula: string | null = null;
  sheet.eachRow({ includeEmpty: true }, (row, rowNumber) => {
    const values: string[] = [];
    row.eachCell({ includeEmpty: true }, (cell, col) => {
      // A formula's cached result may be stale or absent; importing it would record a number
      // nobody typed, so we refuse the sheet and name the first such cell.
      if (cell.type === Excel.ValueType.Formula || cell.formula) {
        formula ??= `${columnLetter(col - 1)}${rowNumber}`;
      }
      values[col - 1] = cellText(cell.value).trim();
    });
    grid[rowNumber - 1] = Array.from(values, (v) => v ?? '');
  });
  if (formula) {
    throw refuse(
      `Cell ${formula} of sheet "${sheet.name}" holds a formula. Import takes values only: copy the sheet and paste it as values, then try again.`,
    );
  }
  return toGrid(
    'xlsx',
    fileName,
    Array.from(grid, (r) => r ?? []),
  );
}

/** RFC 4180 CSV with comma or semicolon separators (Excel in many locales writes semicolons). */
export function parseCsv(text: string): string[][] {
  const nl = text.search(/\r?\n/);
  const firstLine = nl < 0 ? text : text.slice(0, nl);
  const sep =
    (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i += 1) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i += 1;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === sep) {
      row.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i += 1;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += ch;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

function readCsv(fileName: string, text: string): Grid {
  const rows = parseCsv(text);
  if (rows.length - 1 > IMPORT_MAX_ROWS) throw tooMany(rows.length - 1);
  rows.forEach((row, r) =>
    row.forEach((value, c) => {
      if (value.trimStart().startsWith('=')) {
        throw refuse(
          `Cell ${columnLetter(c)}${r + 1} starts with "=" (a formula). Import takes values only; remove the "=" or quote the text.`,
        );
      }
    }),
  );
  return toGrid(
    'csv',
    fileName,
    rows.map((row) => row.map((v) => v.trim())),
  );
}

function toGrid(format: Grid['format'], fileName: string, all: string[][]): Grid {
  const nonEmpty = (r: string[]) => r.some((v) => v !== '');
  const headerIndex = all.findIndex(nonEmpty);
  if (headerIndex < 0) throw refuse(`${fileName} is empty: it holds no rows.`);
  if (headerIndex > 0) {
    throw refuse(`Row 1 of ${fileName} is empty; the first row must name the columns.`);
  }
  const headers = (all[0] ?? []).map((h, i) => h || `Column ${columnLetter(i)}`);
  const rows = all.slice(1);
  while (rows.length > 0 && !nonEmpty(rows[rows.length - 1] ?? [])) rows.pop();
  if (rows.length === 0) {
    throw refuse(`${fileName} has a header row but no risks under it.`);
  }
  return { format, headers, rows };
}
