import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { createIdentity } from '../../electron/core/identities';
import { verifyPdf } from '../../electron/core/signing';
import { projectRoot, startTestCore } from '../helpers/core';
import { pdfText } from '../helpers/pdf-text';
import { caller, type TestCore } from '../helpers/risk-core';

/**
 * The cycle's signed records on the small demo: the internal audit report and the management
 * review minutes, as signed PDFs the verifier accepts, as drafts, and as Word editions.
 */
let core: TestCore;
let engagementId = '';
let auditId = '';
let plannedAuditId = '';
let reviewId = '';
let fingerprint = '';
const signer = { identityId: 'Zoe Angstrom', passphrase: 'correct horse battery' };
const today = () => new Date().toISOString().slice(0, 10);

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  engagementId = demo.engagementIds[0] ?? '';
  const identity = await createIdentity(core.ctx, {
    name: 'Zoe Angstrom',
    organisation: 'Soren and Lukasz GmbH',
    email: 'zoe@example.test',
    role: 'Internal audit lead',
    passphrase: signer.passphrase,
  });
  fingerprint = identity.fingerprint;
  const { ok } = caller(core);
  const [programme] = await ok('audits.programmes', { engagementId });
  const audits = await ok('audits.list', { programmeId: programme?.id ?? '' });
  auditId = audits.find((a) => a.title === 'Operation and the AI system life cycle')?.id ?? '';
  plannedAuditId = audits.find((a) => a.status === 'planned')?.id ?? '';
  reviewId = (await ok('managementReviews.list', { engagementId }))[0]?.id ?? '';
}, 180_000);
afterAll(() => core.close());

const saved = (fileName: string) => path.join(core.dataDir, 'exports', fileName);

describe('the internal audit report', () => {
  it('is a signed PDF the verifier accepts, with the checklist results, the nonconformities and their actions', async () => {
    const r = await caller(core).ok('reports.auditReport', { auditId, ...signer });
    expect(r).toMatchObject({ format: 'pdf', signed: true });
    expect(r.fileName).toMatch(/^Northwind-Lending-Ltd-audit-report-\d{4}-\d\d-\d\d\.pdf$/);
    const bytes = fs.readFileSync(saved(r.fileName));
    const check = await verifyPdf(bytes);
    expect(check).toMatchObject({ valid: true, coversWholeFile: true });
    expect(check.signer?.name).toBe('Zoe Angstrom');

    const text = pdfText(saved(r.fileName)).replace(/\s+/g, ' ');
    for (const expected of [
      'Internal audit report',
      'Operation and the AI system life cycle',
      'Independence of the auditors',
      'Tom Whitfield: A.6.2',
      'Results by requirement',
      'F-011',
      'Each nonconformity is a finding in the findings log of “ISO/IEC 42001 readiness review 2026”',
      'F-011 Major A.6.2.4',
      'went live without the',
      'Quality lead',
      'due 2027-01-29',
      'None raised yet',
      'Event logs are kept, but for 30 days only',
      'Digitally signed by Zoe Angstrom',
    ])
      expect(text, expected).toContain(expected);

    // The CLI's verifier agrees, given the signer's fingerprint.
    const cli = spawnSync(
      process.execPath,
      [
        path.join(projectRoot, 'bin', 'assay.cjs'),
        'verify',
        saved(r.fileName),
        '--expect-fingerprint',
        fingerprint,
      ],
      { encoding: 'utf8', timeout: 120_000 },
    );
    expect(cli.status, cli.stdout + cli.stderr).toBe(0);
  });

  it('comes as an editable Word edition that names its signer and says the PDF is the record', async () => {
    const r = await caller(core).ok('reports.auditReport', { auditId, format: 'docx', ...signer });
    expect(r).toMatchObject({ format: 'docx', signed: false, pages: null });
    const { value } = await mammoth.extractRawText({ path: saved(r.fileName) });
    expect(value).toContain('Results by requirement');
    expect(value).toContain('F-010');
    expect(value).toContain(
      'it carries no digital signature; the signed PDF edition is the record',
    );
    expect(value).toContain('Signed off by Zoe Angstrom');
  });

  it('is refused for an audit not held, and signed only once completed', async () => {
    const { ok, fail } = caller(core);
    const planned = await fail('reports.auditReport', { auditId: plannedAuditId, draft: true });
    expect(planned.code).toBe('CONFLICT');
    const wrong = await fail('reports.auditReport', {
      auditId,
      identityId: 'Zoe Angstrom',
      passphrase: 'nope',
    });
    expect(wrong.code).not.toBe('OK');
    const draft = await ok('reports.auditReport', { auditId, draft: true });
    expect(draft.signed).toBe(false);
    expect(pdfText(saved(draft.fileName))).toContain('DRAFT');
    expect((await verifyPdf(fs.readFileSync(saved(draft.fileName)))).valid).toBe(false);
  });
});

describe('a large audit’s report', () => {
  it('keeps every line of a 70-requirement checklist with long notes: nothing runs off a page', async () => {
    const { ok } = caller(core);
    const [programme] = await ok('audits.programmes', { engagementId });
    const refs = (await ok('audits.coverage', { programmeId: programme?.id ?? '' })).rows;
    const audit = await ok('audits.save', {
      programmeId: programme?.id ?? '',
      title: 'Whole system audit',
      status: 'in-progress',
      heldFrom: '2026-11-02',
      requirementIds: refs.map((r) => r.requirementId),
    });
    const long = 'Sampled the records and interviewed the owner at length. '.repeat(8);
    for (const r of refs)
      await ok('audits.answer', {
        auditId: audit.id,
        requirementId: r.requirementId,
        verdict: 'conformity',
        notes: `${r.ref} checked. ${long}`,
      });
    const report = await ok('reports.auditReport', { auditId: audit.id, draft: true });
    expect(report.pages).toBeGreaterThan(5);
    const text = pdfText(saved(report.fileName)).replace(/\s+/g, ' ');
    const missing = refs.filter((r) => !text.includes(`${r.ref} checked.`)).map((r) => r.ref);
    expect(missing).toEqual([]);
  }, 120_000);
});

describe('the management review minutes', () => {
  it('are signed only for a held review; a draft of a planned one shows today’s inputs', async () => {
    const { ok, fail } = caller(core);
    const refused = await fail('reports.reviewMinutes', { reviewId, ...signer });
    expect(refused.code).toBe('CONFLICT');
    const draft = await ok('reports.reviewMinutes', { reviewId, draft: true });
    const text = pdfText(saved(draft.fileName)).replace(/\s+/g, ' ');
    expect(text).toContain('Management review minutes');
    expect(text).toContain('DRAFT');
  });

  it('of a held review are a signed PDF with the frozen inputs, what the organisation brought and the decisions', async () => {
    const { ok } = caller(core);
    const [review] = await ok('managementReviews.list', { engagementId });
    if (!review) throw new Error('the demo has a review');
    const { id, createdAt: _c, updatedAt: _u, updatedBy: _b, inputs: _i, ...fields } = review;
    await ok('managementReviews.save', { id, ...fields, status: 'held', heldOn: today() });
    const r = await ok('reports.reviewMinutes', { reviewId: id, ...signer });
    expect(r.signed).toBe(true);
    expect(r.fileName).toMatch(/-review-minutes-/);
    const check = await verifyPdf(fs.readFileSync(saved(r.fileName)));
    expect(check.valid).toBe(true);
    const text = pdfText(saved(r.fileName)).replace(/\s+/g, ' ');
    for (const expected of [
      'Management review minutes',
      'Management review 2026',
      'Inputs compiled by Assay',
      'Actions from previous reviews',
      'Operation and the AI system life cycle',
      'Two customer complaints about unexplained credit decisions',
      'Fund one more data scientist for verification work.',
      'Priya Raman',
      'Digitally signed by Zoe Angstrom',
    ])
      expect(text, expected).toContain(expected);
    const word = await ok('reports.reviewMinutes', { reviewId: id, format: 'docx', ...signer });
    const { value } = await mammoth.extractRawText({ path: saved(word.fileName) });
    expect(value).toContain('Decisions and actions');
    expect(value).toContain('Align the two teams’ risk scoring on one scale');
  });
});
