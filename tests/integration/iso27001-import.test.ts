import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { importFile } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { sendBytes } from '../helpers/incoming';
import { caller, control, newEngagement, type TestCore } from '../helpers/risk-core';

const SOA = [
  'Control,Control name,Applicable?,Implementation status,Comments,Evidence',
  'A.5.1,Policies for information security,Yes,Implemented,Approved by the board,Information security policy.pdf',
  'A.5.9,Inventory of information and other associated assets,Yes,Partially implemented,Asset register lacks owners,Asset register',
  'A.8.15,Logging,Yes,Not implemented,,',
  'A.8.16,Monitoring activities,No,,Outsourced to the MSSP,',
  '7.2,Competence,Yes,Implemented,,Training records 2026',
  '9.2.1,General,Yes,Implemented,,Internal audit programme',
].join('\r\n');

describe('importing a client’s ISO/IEC 27001 sheet', () => {
  let core: TestCore;
  let engagementId = '';
  let assessmentId = '';
  const call = () => caller(core);
  const send = (text: string | Buffer, name = 'soa.csv') =>
    sendBytes(core, Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8'), name);

  /** Preview with the proposed mapping, then commit: what a consultant does who changes nothing. */
  async function importSheet(text: string) {
    const preview = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'soa.csv',
      token: await send(text),
    });
    return call().ok('iso27001.importCommit', {
      engagementId,
      fileName: 'soa.csv',
      token: await send(text),
      mapping: preview.mapping,
      plainNumbers: preview.plainNumbers,
    });
  }

  beforeEach(async () => {
    core = await startTestCore();
    engagementId = await newEngagement(core);
    assessmentId = (await call().ok('assessments.create', { engagementId, title: 'Gap' })).id;
  });
  afterEach(() => core.close());

  it('previews the mapping it proposes, each row matched to a catalog clause or control', async () => {
    const preview = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'soa.csv',
      token: await send(SOA),
    });
    expect(preview.mapping).toMatchObject({ control: 0, title: 1, applicability: 2, status: 3 });
    expect(preview).toMatchObject({
      format: 'csv',
      plainNumbers: 'clauses',
      rowCount: 6,
      readyCount: 6,
      errorCount: 0,
    });
    expect(preview.preview.map((p) => p.ref)).toEqual([
      'A.5.1',
      'A.5.9',
      'A.8.15',
      'A.8.16',
      '7.2',
      '9.2.1',
    ]);
    expect(preview.preview[0]?.values.status).toBe('Implemented');
  });

  it('takes the consultant’s mapping for headers it does not know', async () => {
    const sheet = ['Ctl;Where we are;Docs', 'A.5.1;Implemented;Policy'].join('\n');
    const first = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'odd.csv',
      token: await send(sheet, 'odd.csv'),
    });
    expect(first.errorCount).toBe(1);
    expect(first.errors[0]?.message).toMatch(/No column is mapped to Control/);
    const mapped = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'odd.csv',
      token: await send(sheet, 'odd.csv'),
      mapping: { control: 0, status: 1, evidence: 2 },
    });
    expect(mapped).toMatchObject({ errorCount: 0, readyCount: 1 });
    expect(mapped.preview[0]).toMatchObject({ ref: 'A.5.1', values: { status: 'Implemented' } });
  });

  it('keeps every row once committed, and suggests answers without recording any', async () => {
    const before = tableCounts(core.store.sqlite);
    const preview = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'soa.csv',
      token: await send(SOA),
    });
    const kept = await call().ok('iso27001.importCommit', {
      engagementId,
      fileName: 'soa.csv',
      token: await send(SOA),
      mapping: preview.mapping,
      plainNumbers: preview.plainNumbers,
    });
    expect(kept).toMatchObject({
      fileName: 'soa.csv',
      rows: 6,
      format: 'csv',
      importedBy: 'tester',
    });
    expect(kept.sha256).toMatch(/^[0-9a-f]{64}$/);
    const after = tableCounts(core.store.sqlite);
    expect(after.iso27001_imports).toBe((before.iso27001_imports ?? 0) + 1);
    expect(after.audit_log).toBe((before.audit_log ?? 0) + 1);

    const reuse = await call().ok('iso27001.reuse', { assessmentId });
    expect(reuse.source).toMatchObject({ id: kept.id, rows: 6 });
    const of = (ref: string) => reuse.requirements.find((r) => r.ref === ref);
    // 42001 7.2 ← 27001 7.2 (equivalent, implemented): conformant suggested.
    expect(of('7.2')?.suggestion).toMatchObject({ result: 'conformant', basis: ['7.2'] });
    expect(of('7.2')?.related[0]).toMatchObject({
      ref: '7.2',
      relation: 'equivalent',
      sheet: { status: 'implemented', evidence: ['Training records 2026'] },
    });
    // A.6.2.8 ← A.8.15 (covers part, not implemented): nonconformant.
    expect(of('A.6.2.8')?.suggestion?.result).toBe('nonconformant');
    // A.4.2 ← A.5.9 (covers part, partially implemented).
    expect(of('A.4.2')?.suggestion?.result).toBe('partially-conformant');
    // A.6.2.6 ← A.8.16, which the client excluded: no suggestion.
    expect(of('A.6.2.6')?.suggestion).toBeNull();
    expect(of('A.6.2.6')?.related[0]?.sheet?.applicability).toBe('not-applicable');
    // 4.2 ← 27001 4.2, which the sheet does not list.
    expect(of('4.2')?.related[0]?.sheet).toBeNull();
    expect(of('4.2')?.suggestion).toBeNull();
    expect(reuse.counts.suggestions).toBeGreaterThanOrEqual(4);
    // Suggestions are never answers.
    for (const r of reuse.requirements) expect(r.result).toBe('not-assessed');
    expect(tableCounts(core.store.sqlite).responses).toBe(before.responses);
  });

  it('reads an XLSX workbook the same way', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('SoA');
    for (const line of SOA.split('\r\n')) sheet.addRow(line.split(','));
    const bytes = Buffer.from(await workbook.xlsx.writeBuffer());
    const preview = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'soa.xlsx',
      token: await send(bytes, 'soa.xlsx'),
    });
    expect(preview).toMatchObject({ format: 'xlsx', readyCount: 6, errorCount: 0 });
  });

  it('refuses a bad sheet whole, names the rows, and changes nothing', async () => {
    const bad = [
      'Control,Applicable,Status',
      'A.5.1,Yes,Implemented',
      'A.5.99,Yes,Implemented',
      'A.5.9,Yes,green',
    ].join('\n');
    const before = tableCounts(core.store.sqlite);
    const preview = await call().ok('iso27001.importPreview', {
      engagementId,
      fileName: 'bad.csv',
      token: await send(bad, 'bad.csv'),
    });
    expect(preview).toMatchObject({ errorCount: 2, readyCount: 1 });
    expect(preview.errors.map((e) => e.row)).toEqual([3, 4]);
    const error = await call().fail('iso27001.importCommit', {
      engagementId,
      fileName: 'bad.csv',
      token: await send(bad, 'bad.csv'),
      mapping: preview.mapping,
      plainNumbers: preview.plainNumbers,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toMatch(/2 problems in bad\.csv; nothing was imported\. row 3/);
    expect(tableCounts(core.store.sqlite)).toEqual(before);
    expect(fs.readdirSync(path.join(core.dataDir, 'incoming'))).toEqual([]);
  });

  it('refuses what is not a sheet, and a file that is not the engagement’s', async () => {
    const notSheet = await call().fail('iso27001.importPreview', {
      engagementId,
      fileName: 'photo.jpg',
      token: await send(Buffer.from([0xff, 0xd8, 0xff, 0x00, 0x01]), 'photo.jpg'),
    });
    expect(notSheet.code).toBe('VALIDATION');
    expect(notSheet.message).toMatch(/not a spreadsheet/);
    const unknown = await call().fail('iso27001.importPreview', {
      engagementId: '01900000-0000-7000-8000-000000000000',
      fileName: 'soa.csv',
      token: await send(SOA),
    });
    expect(unknown.code).toBe('NOT_FOUND');
  });

  it('offers the evidence the sheet names for linking, and knows what is linked', async () => {
    const dir = tempDir();
    const file = path.join(dir, 'Information security policy.pdf');
    fs.writeFileSync(file, '%PDF-1.4 policy');
    const item = await importFile(core.ctx, file, { engagementId });
    await importSheet(SOA);
    // 42001 A.2.3 ← 27001 A.5.1 (covers part), whose row names the policy.
    const offer = () =>
      call()
        .ok('iso27001.reuse', { assessmentId })
        .then((v) => v.requirements.find((r) => r.ref === 'A.2.3')?.evidence);
    expect(await offer()).toEqual([
      {
        reference: 'Information security policy.pdf',
        from: 'A.5.1',
        items: [expect.objectContaining({ id: item.id, linked: false })],
      },
    ]);
    await call().ok('evidence.link', { evidenceId: item.id, requirementId: control('A.2.3') });
    expect((await offer())?.[0]?.items[0]?.linked).toBe(true);
    // A reference with nothing in the vault is still listed, with no item.
    const reuse = await call().ok('iso27001.reuse', { assessmentId });
    expect(reuse.requirements.find((r) => r.ref === '7.2')?.evidence).toEqual([
      { reference: 'Training records 2026', from: '7.2', items: [] },
    ]);
  });

  it('records a suggestion only when the consultant confirms it, keeping the notes', async () => {
    await importSheet(SOA);
    await call().ok('responses.save', {
      assessmentId,
      requirementId: control('7.2'),
      result: 'not-assessed',
      notes: 'HR lead interviewed.',
      interviewees: ['HR lead'],
    });
    const stale = await call().fail('iso27001.confirmSuggestion', {
      assessmentId,
      requirementId: control('7.2'),
      result: 'nonconformant',
    });
    expect(stale.code).toBe('CONFLICT');
    const none = await call().fail('iso27001.confirmSuggestion', {
      assessmentId,
      requirementId: control('4.2'),
      result: 'conformant',
    });
    expect(none.code).toBe('CONFLICT');
    const saved = await call().ok('iso27001.confirmSuggestion', {
      assessmentId,
      requirementId: control('7.2'),
      result: 'conformant',
    });
    expect(saved).toMatchObject({ result: 'conformant', interviewees: ['HR lead'] });
    expect(saved.notes).toMatch(
      /^HR lead interviewed\.\n\nConformant confirmed from the client's ISO\/IEC 27001 sheet soa\.csv/,
    );
    const again = await call().ok('iso27001.confirmSuggestion', {
      assessmentId,
      requirementId: control('7.2'),
      result: 'conformant',
    });
    expect(again.notes).toBe(saved.notes);
  });

  it('uses the newest import and keeps the earlier ones', async () => {
    await importSheet(SOA);
    const second = await importSheet(['Control,Status', 'Clause 7.2,Not implemented'].join('\n'));
    const reuse = await call().ok('iso27001.reuse', { assessmentId });
    expect(reuse.source?.id).toBe(second.id);
    expect(reuse.requirements.find((r) => r.ref === '7.2')?.suggestion?.result).toBe(
      'nonconformant',
    );
    expect(tableCounts(core.store.sqlite).iso27001_imports).toBe(2);
  });
});
