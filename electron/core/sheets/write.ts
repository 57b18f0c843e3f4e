import { loadExcel } from './excel';

/** One column of an exported sheet: its header, its width in characters and how to read a row. */
export interface SheetColumn<T> {
  header: string;
  width: number;
  value(row: T): string | number | null;
}

/** A sheet ready to write: its columns and every row already read through them. */
export interface Sheet {
  name: string;
  columns: { header: string; width: number }[];
  cells: (string | number | null)[][];
}

export function sheetOf<T>(name: string, columns: SheetColumn<T>[], rows: readonly T[]): Sheet {
  return {
    name,
    columns: columns.map(({ header, width }) => ({ header, width })),
    cells: rows.map((row) => columns.map((c) => c.value(row))),
  };
}

/**
 * A workbook of one or more sheets, each with a bold, frozen header row and a filter. Cells are
 * written as values (exceljs never turns a string into a formula).
 */
export async function sheetsToXlsx(title: string, sheets: Sheet[]): Promise<Buffer> {
  const Excel = await loadExcel();
  const workbook = new Excel.Workbook();
  workbook.creator = 'Assay';
  workbook.title = title;
  for (const { name, columns, cells } of sheets) {
    const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = columns.map((c) => ({ header: c.header, width: c.width }));
    sheet.getRow(1).font = { bold: true };
    for (const row of cells) sheet.addRow(row.map((v) => v ?? ''));
    sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: columns.length } };
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
