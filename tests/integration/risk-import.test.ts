import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ImportPreview } from '../../shared/contracts/risk-sheets';
import type { Result } from '../../shared/contracts/envelope';
import { startTestCore } from '../helpers/core';
import { sendBytes } from '../helpers/incoming';
import { caller, count, newEngagement, type TestCore } from '../helpers/risk-core';

let core: TestCore;
let api: ReturnType<typeof caller>;
let engagementId: string;
beforeAll(async () => {
  core = await startTestCore();
  api = caller(core);
  engagementId = await newEngagement(core);
  await api.ok('aiSystems.create', {
    engagementId,
    name: 'Support chatbot',
    orgRole: 'customer',
    lifecycleStage: 'operation',
  });
});
afterAll(() => core.close());

const header = ['Risk title', 'Likelihood', 'Impact', 'Controls', 'AI system', 'Source', 'Status'];
const goodRow = [
  'Chatbot invents fees',
  4,
  3,
  'A.6.2.4; A.6.2.6',
  'Support chatbot',
  'C.3.4',
  'open',
];

async function xlsx(rows: unknown[][], edit?: (s: ExcelJS.Worksheet) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Risks');
  for (const row of rows) sheet.addRow(row);
  edit?.(sheet);
  return Buffer.from(await wb.xlsx.writeBuffer()).toString('base64');
}
const csv = (text: string) => Buffer.from(text, 'utf8').toString('base64');

/** The sheet as the renderer hands it over: sent with incoming.*, named by its token. */
const file = async (contentBase64: string, fileName = 'register.xlsx') => ({
  engagementId,
  fileName,
  token: await sendBytes(core, Buffer.from(contentBase64, 'base64'), fileName),
});

async function refusedCommit(contentBase64: string, fileName?: string) {
  const before = count(core, 'risks');
  const auditBefore = count(core, 'audit_log');
  const preview = (await core.dispatcher.dispatch(
    'risks.importPreview',
    await file(contentBase64, fileName),
  )) as Result<ImportPreview>;
  const mapping = preview.ok ? preview.value.mapping : {};
  const error = await api.fail('risks.importCommit', {
    ...(await file(contentBase64, fileName)),
    mapping,
  });
  expect(count(core, 'risks')).toBe(before);
  expect(count(core, 'audit_log')).toBe(auditBefore);
  return { error, preview };
}

describe('risk import', () => {
  it('previews a good sheet with a proposed mapping and imports it whole', async () => {
    const content = await xlsx([
      header,
      goodRow,
      [...goodRow.slice(0, 1).map((t) => `${t} again`), 2, 2, 'A.9.2', '', '', ''],
    ]);
    const preview = await api.ok('risks.importPreview', await file(content));
    expect(preview.format).toBe('xlsx');
    expect(preview.mapping).toMatchObject({
      title: 0,
      likelihood: 1,
      impact: 2,
      controls: 3,
      aiSystems: 4,
      riskSource: 5,
      status: 6,
    });
    expect([preview.rowCount, preview.errorCount]).toEqual([2, 0]);
    expect(preview.preview[0]?.values.title).toBe('Chatbot invents fees');
    const result = await api.ok('risks.importCommit', {
      ...(await file(content)),
      mapping: preview.mapping,
    });
    expect(result.imported).toBe(2);
    const list = await api.ok('risks.list', { engagementId });
    expect(list.map((r) => [r.ref, r.inherentScore, r.controlRefs, r.aiSystemNames])).toEqual([
      ['R-001', 12, ['A.6.2.4', 'A.6.2.6'], ['Support chatbot']],
      ['R-002', 4, ['A.9.2'], []],
    ]);
  });

  it('imports a semicolon CSV with quoted newlines and labels for levels', async () => {
    const text =
      'Title;Likelihood;Impact;Description\r\n"Prompt injection";Likely;Major;"line one\nline two"\r\n';
    const preview = await api.ok('risks.importPreview', await file(csv(text), 'r.csv'));
    expect(preview.errorCount).toBe(0);
    await api.ok('risks.importCommit', {
      ...(await file(csv(text), 'r.csv')),
      mapping: preview.mapping,
    });
    const risk = (await api.ok('risks.list', { engagementId })).find(
      (r) => r.title === 'Prompt injection',
    );
    expect([risk?.likelihood, risk?.impact, risk?.description]).toEqual([
      4,
      4,
      'line one\nline two',
    ]);
  });

  it('refuses wrong columns, naming the missing fields', async () => {
    const { error, preview } = await refusedCommit(
      await xlsx([
        ['Colour', 'Size'],
        ['red', 'large'],
      ]),
    );
    expect(preview.ok && preview.value.errors.map((e) => e.field)).toEqual([
      'title',
      'likelihood',
      'impact',
    ]);
    expect(error.message).toContain('No column is mapped to Title');
  });

  it('refuses values out of range with per-row errors and writes nothing', async () => {
    const content = await xlsx([
      header,
      goodRow,
      ['Too likely', 9, 3, '', '', '', ''],
      ['Bad control', 2, 2, 'A.99.9', 'Nope system', 'C.9.9', 'maybe'],
    ]);
    const { error, preview } = await refusedCommit(content);
    expect(preview.ok).toBe(true);
    const errors = preview.ok ? preview.value.errors : [];
    expect(errors).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          row: 3,
          field: 'likelihood',
          message: expect.stringContaining('out of range'),
        }),
        expect.objectContaining({ row: 4, field: 'controls' }),
        expect.objectContaining({ row: 4, field: 'aiSystems' }),
        expect.objectContaining({ row: 4, field: 'riskSource' }),
        expect.objectContaining({ row: 4, field: 'status' }),
      ]),
    );
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('nothing was imported');
    expect(error.message).toContain('row 3 (likelihood)');
  });

  it('refuses 50,000 rows and states the limit', async () => {
    const rows = [header, ...Array.from({ length: 50_000 }, (_, i) => [`Risk ${i}`, 1, 1])];
    const text = rows.map((r) => r.join(',')).join('\n');
    const { error } = await refusedCommit(csv(text), 'huge.csv');
    expect(error.message).toContain('50,000 data rows');
    expect(error.message).toContain('at most 20,000');
  });

  it('refuses a sheet over 20 MB before reading it, and deletes what was sent', async () => {
    const big = Buffer.alloc(20 * 1024 * 1024 + 1, 0x41);
    const token = await sendBytes(core, big, 'big.csv');
    const error = await api.fail('risks.importPreview', {
      engagementId,
      fileName: 'big.csv',
      token,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('big.csv is larger than 20 MB');
    // The received file was taken and deleted: the token cannot be used again.
    const again = await api.fail('risks.importPreview', {
      engagementId,
      fileName: 'big.csv',
      token,
    });
    expect(again.code).toBe('NOT_FOUND');
  });

  it('refuses a formula and names the cell', async () => {
    const content = await xlsx([header, goodRow], (s) => {
      s.getCell('C2').value = { formula: 'A1*2', result: 3 };
    });
    const { error } = await refusedCommit(content);
    expect(error.message).toContain('Cell C2');
    expect(error.message).toContain('formula');
    const csvFormula = await refusedCommit(
      csv('Title,Likelihood,Impact\n=HYPERLINK("x"),1,1\n'),
      'f.csv',
    );
    expect(csvFormula.error.message).toContain('Cell A2');
  });

  it('refuses an empty file, a header-only sheet and a non-spreadsheet', async () => {
    expect((await refusedCommit('', 'empty.xlsx')).error.message).toContain('is empty');
    expect((await refusedCommit(await xlsx([]))).error.message).toContain('empty');
    expect((await refusedCommit(await xlsx([header]))).error.message).toContain('no risks');
    const pdf = Buffer.from('%PDF-1.7\n\0\0binary').toString('base64');
    expect((await refusedCommit(pdf, 'report.pdf')).error.message).toContain('not a spreadsheet');
    const broken = Buffer.concat([Buffer.from([0x50, 0x4b, 0x03, 0x04]), Buffer.alloc(64)]);
    expect((await refusedCommit(broken.toString('base64'))).error.message).toContain('XLSX');
  });

  it('exports XLSX and CSV that the import reads back', async () => {
    const x = await api.ok('risks.exportXlsx', { engagementId });
    expect(x.fileName).toMatch(/risk-register-\d{4}-\d{2}-\d{2}\.xlsx$/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(x.contentBase64, 'base64') as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0];
    expect(sheet?.getRow(1).getCell(1).value).toBe('Ref');
    expect(sheet?.actualRowCount).toBe(x.rows + 1);
    const c = await api.ok('risks.exportCsv', { engagementId });
    expect(c.text.split('\r\n')[0]).toContain('Ref,Title,Description');
    const other = await newEngagement(core);
    const preview = await api.ok('risks.importPreview', {
      ...(await file(csv(c.text.replace(/Support chatbot/g, '')), 'x.csv')),
      engagementId: other,
    });
    expect(preview.errorCount).toBe(0);
    expect(preview.rowCount).toBe(c.rows);
  });
});
