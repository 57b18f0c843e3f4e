/**
 * Formula injection: text people typed (or a file's name) reaches every CSV Assay writes. With a
 * spreadsheet set to comma, semicolon or tab separators, no cell may become a live formula; in
 * XLSX the same text stays a plain string cell.
 */
import ExcelJS from 'exceljs';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { documentIndexCsv, impactCsv, soaCsv, soaXlsx } from '../../electron/core/packs/contents';
import { evidenceRequestListCsv } from '../../electron/core/evidence/requests';
import { listImpactAssessments } from '../../electron/core/impact-assessments';
import { listDocuments } from '../../electron/core/documented-information';
import { listSoa } from '../../electron/core/soa';
import { listRisks, risksToCsv, risksToXlsx } from '../../electron/core/risks';
import { importFile } from '../../electron/core/evidence';
import { startTestCore, tempDir } from '../helpers/core';
import { liveFormulaCells } from '../helpers/spreadsheet-csv';

const ATTACK = "Approved;=cmd|' /C calc'!A0";
const SECOND = 'See note\n=HYPERLINK("http://attacker.test","x")';

let core: Awaited<ReturnType<typeof startTestCore>>;
let engagementId = '';
let assessmentId = '';
let itemId = '';

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 11 });
  engagementId = demo.engagementIds[0] ?? '';
  assessmentId = demo.assessmentIds[0] ?? '';
  const db = core.store.sqlite;
  db.prepare('UPDATE soa_entries SET justification = ? WHERE assessment_id = ?').run(
    ATTACK,
    assessmentId,
  );
  db.prepare('UPDATE impact_assessments SET measures_in_place = ?, outcome = ?').run(
    ATTACK,
    SECOND,
  );
  db.prepare('UPDATE risks SET title = ?, treatment_plan = ? WHERE engagement_id = ?').run(
    ATTACK,
    SECOND,
    engagementId,
  );
  const file = path.join(tempDir(), 'x;=cmd|calc!A0.txt');
  fs.writeFileSync(file, 'hostile name');
  const item = await importFile(core.ctx, file, { engagementId });
  db.prepare('UPDATE evidence_items SET title = ? WHERE id = ?').run(ATTACK, item.id);
  const linked = await core.dispatcher.dispatch('evidence.link', {
    evidenceId: item.id,
    riskId: listRisks(core.ctx, engagementId)[0]?.id ?? '',
  });
  expect(linked.ok).toBe(true);
  // Linked to a clause with mandatory documented information, so it shows in the request list
  // and the documented-information index.
  const ref = listDocuments(core.ctx, assessmentId)[0]?.ref ?? '';
  const requirement = db
    .prepare(
      `SELECT r.id FROM requirements r JOIN assessments a ON a.framework_id = r.framework_id
       WHERE a.id = ? AND r.ref = ?`,
    )
    .get(assessmentId, ref) as { id: string };
  const toClause = await core.dispatcher.dispatch('evidence.link', {
    evidenceId: item.id,
    requirementId: requirement.id,
  });
  expect(toClause.ok).toBe(true);
  itemId = item.id;
}, 60_000);

afterAll(() => core.close());

describe('every CSV Assay writes', () => {
  it('the SoA keeps the justification whole and inert', () => {
    const csv = soaCsv(listSoa(core.ctx, assessmentId));
    expect(csv).toContain("Approved;'=cmd");
    expect(liveFormulaCells(csv)).toEqual([]);
  });

  it('impact assessments', () => {
    const csv = impactCsv(listImpactAssessments(core.ctx, { engagementId }));
    expect(csv).toContain("Approved;'=cmd");
    expect(liveFormulaCells(csv)).toEqual([]);
  });

  it('the risk register', () => {
    const csv = risksToCsv(listRisks(core.ctx, engagementId));
    expect(csv).toContain("Approved;'=cmd");
    expect(liveFormulaCells(csv)).toEqual([]);
  });

  it('the evidence request list', () => {
    const { csv } = evidenceRequestListCsv(core.ctx, { engagementId });
    expect(csv).toContain("Approved;'=cmd");
    expect(liveFormulaCells(csv)).toEqual([]);
  });

  it('the documented-information index, with a hostile file name in its paths', () => {
    const paths = new Map([[itemId, 'evidence/x;=cmd|calc!A0.txt']]);
    const csv = documentIndexCsv(
      core.ctx,
      engagementId,
      listDocuments(core.ctx, assessmentId),
      paths,
    );
    expect(csv).toContain("x;'=cmd|calc!A0.txt");
    expect(liveFormulaCells(csv)).toEqual([]);
  });
});

describe('XLSX exports', () => {
  async function cellsOf(bytes: Buffer) {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(bytes as unknown as ArrayBuffer);
    const cells: ExcelJS.Cell[] = [];
    book.eachSheet((sheet) => sheet.eachRow((row) => row.eachCell((cell) => cells.push(cell))));
    return cells;
  }

  it('keep the same text as plain strings, never formulas', async () => {
    for (const bytes of [
      await soaXlsx(listSoa(core.ctx, assessmentId), 'Client'),
      await risksToXlsx(listRisks(core.ctx, engagementId), 'Risks'),
    ]) {
      const cells = await cellsOf(bytes);
      expect(cells.some((c) => c.value === ATTACK)).toBe(true);
      expect(cells.filter((c) => c.type === ExcelJS.ValueType.Formula)).toEqual([]);
    }
  });
});
