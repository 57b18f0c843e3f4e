/**
 * Spreadsheets, for every import and export: workbooks written from columns that read a row
 * (write).
 */
export { sheetOf, sheetsToXlsx, type Sheet, type SheetColumn } from './write';
