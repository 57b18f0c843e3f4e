/**
 * Spreadsheets, for every import and export: an XLSX or CSV file read as a grid of text, formulas
 * and oversized files refused (read), a sheet the page sent and the refusal of a bad one (received),
 * and workbooks written from columns that read a row (write).
 */
export { parseCsv, readGrid, type Grid } from './read';
export { readReceivedSheet, sheetRefusal } from './received';
export { sheetOf, sheetsToXlsx, type Sheet, type SheetColumn } from './write';
export { loadExcel } from './excel';
