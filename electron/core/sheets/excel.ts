import type ExcelJS from 'exceljs';

type ExcelModule = typeof ExcelJS;

let loading: Promise<ExcelModule> | null = null;

/**
 * exceljs, loaded on first use. It adds ~27 MB and ~0.2 s to any process that loads it, and most
 * never write or read a sheet: a report's own process, the CLI's other commands, the app until a
 * register is exported. Loaded with the rest, it also sat in the report's peak memory.
 */
export function loadExcel(): Promise<ExcelModule> {
  loading ??= import('exceljs').then((mod) => mod.default);
  return loading;
}
