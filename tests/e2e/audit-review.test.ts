import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { verifyPdf } from '../../electron/core/signing';
import { pdfText } from '../helpers/pdf-text';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { call } from './api';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const req = (ref: string) => `iso-iec-42001-2023:${ref}`;
const today = () => new Date().toISOString().slice(0, 10);

/**
 * The check of the cycle in the browser: an internal audit's checklist answered, a nonconformity
 * landing in the findings log with its action raised there, and a management review filled in
 * with the keyboard.
 */
describe('internal audit and management review in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let engagementId = '';
  let assessmentId = '';
  let auditId = '';
  const dataDir = tempDir('assay-e2e-audit-');
  const exported = (fileName: string) => path.join(dataDir, 'exports', fileName);
  const newest = (suffix: string) =>
    fs
      .readdirSync(path.join(dataDir, 'exports'))
      .filter((f) => f.includes(suffix))
      .sort()
      .at(-1) ?? '';

  /** Produces a record through its dialog, signed by the test's identity. */
  async function produceSigned(title: string) {
    const dialog = page.getByRole('dialog', { name: title });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByRole('combobox', { name: 'Signing identity' }).click();
    await page.getByRole('option', { name: /Zoe Angstrom/ }).click();
    await dialog.getByLabel('Passphrase').fill('correct horse battery');
    await dialog.getByRole('button', { name: 'Produce' }).click();
    await expect.poll(() => dialog.getByText('Signed and saved').isVisible()).toBe(true);
    await page.keyboard.press('Escape');
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    await call(app, 'identities.create', {
      name: 'Zoe Angstrom',
      organisation: 'Soren and Lukasz GmbH',
      email: 'zoe@example.test',
      role: 'Internal audit lead',
      passphrase: 'correct horse battery',
    });
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Contoso Health',
      aimsScope: 'Triage assistant and appointment forecasting',
      leadAssessor: 'Dana Okafor',
    });
    engagementId = engagement.id;
    const assessment = await call(app, 'assessments.create', {
      engagementId,
      title: 'Readiness review 2026',
    });
    assessmentId = assessment.id;
    const programme = await call(app, 'audits.saveProgramme', {
      engagementId,
      title: 'Audit programme 2026–2028',
      periodStart: '2026-01-01',
      periodEnd: '2028-12-31',
    });
    const audit = await call(app, 'audits.save', {
      programmeId: programme.id,
      title: 'Planning and risk',
      plannedOn: today(),
      auditors: [{ name: 'Samuel Osei', owns: [] }],
      requirementIds: [req('5.2'), req('6.1.2')],
    });
    auditId = audit.id;
    page = await browser.newPage();
    problems = watchPage(page);
    await page.goto(app.openUrl);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('runs the checklist, records a nonconformity, sees it in the findings log and raises its action', async () => {
    await page.goto(`${app.url}#/audits/${engagementId}`);
    await page.getByRole('button', { name: 'Checklist of Planning and risk' }).click();
    await expect.poll(() => page.getByText('0 of 2 requirements answered').isVisible()).toBe(true);

    const policy = page.getByRole('region', { name: /^5\.2 AI policy/ });
    await policy.getByRole('radio', { name: 'Conformity', exact: true }).check();
    await policy.getByLabel('Notes').fill('Signed policy on the intranet; staff knew it.');
    await policy.getByRole('button', { name: 'Save 5.2' }).click();
    await expect.poll(() => page.getByText('1 of 2 requirements answered').isVisible()).toBe(true);

    const risk = page.getByRole('region', { name: /^6\.1\.2 AI risk assessment/ });
    await risk.getByRole('radio', { name: 'Nonconformity', exact: true }).check();
    await risk.getByText('Major', { exact: true }).click();
    await risk
      .getByLabel('What was found (the finding’s statement)')
      .fill('The triage assistant went live without a risk assessment.');
    await risk.getByRole('button', { name: 'Save 6.1.2' }).click();
    const raised = page.getByRole('table', { name: 'Findings raised by the audit' });
    await expect.poll(() => raised.getByRole('row', { name: /F-001/ }).count()).toBe(1);
    await expect.poll(() => raised.getByText('None yet').isVisible()).toBe(true);
    const started = await call(app, 'audits.checklist', { auditId });
    expect(started.audit.status).toBe('in-progress');

    // In the findings log of the assessment in progress, tagged with its audit.
    await page.goto(`${app.url}#/assessments/${assessmentId}/findings`);
    const log = page.getByRole('table', { name: 'Findings' });
    const row = log.getByRole('row', { name: /F-001/ });
    await expect
      .poll(() => row.getByText('Internal audit: Planning and risk').isVisible())
      .toBe(true);
    await row.getByRole('button', { name: 'Corrective action for F-001' }).click();
    const drawer = page.getByRole('dialog', { name: 'Corrective action — F-001' });
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await drawer.getByLabel('Correction', { exact: true }).fill('Paused the assistant.');
    await drawer
      .getByLabel('Corrective action', { exact: true })
      .fill('A risk assessment gate in the release checklist.');
    await drawer.getByLabel('Owner').fill('Chief Risk Officer');
    await drawer.getByRole('button', { name: 'Save action' }).click();
    await expect
      .poll(
        async () => (await call(app, 'correctiveActions.list', { engagementId })).actions.length,
      )
      .toBe(1);
    await page.keyboard.press('Escape');

    // Back at the audit: its finding shows the action's state.
    await page.goto(`${app.url}#/audits/${engagementId}/checklist/${auditId}`);
    await expect
      .poll(() => raised.getByRole('row', { name: /F-001.*Open.*Chief Risk Officer/ }).count())
      .toBe(1);
    expect(problems).toEqual([]);
  });

  it('fills a management review with the keyboard: inputs compiled, what the organisation adds, decisions with owners', async () => {
    await page.goto(`${app.url}#/reviews/${engagementId}`);
    await expect.poll(() => page.getByText('No management review yet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Plan a review' }).first().click();
    const form = page.getByRole('form', { name: 'Management review' });
    // The inputs Assay compiled, among them the audit's nonconformity and its action.
    const findings = form.getByRole('table', { name: 'Findings by grade' });
    await expect
      .poll(() => findings.getByRole('row', { name: /Major nonconformity\s*1\s*0\s*1/ }).count())
      .toBe(1);

    const title = form.getByLabel('Title');
    await title.focus();
    await title.fill('Management review Q4');
    await form.getByLabel('Feedback from interested parties').focus();
    await page.keyboard.type('Two patient complaints about triage waiting times.');
    await form.getByRole('button', { name: 'Add a decision or action' }).focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Shift+Tab');
    await form.getByLabel('Decision or action 1').focus();
    await page.keyboard.type('Fund a second clinical safety reviewer.');
    await page.keyboard.press('Tab');
    await page.keyboard.type('Medical director');
    await form.getByLabel('Due').fill('2027-03-31');
    await title.focus();
    await page.keyboard.press('Enter');

    await expect
      .poll(async () => (await call(app, 'managementReviews.list', { engagementId })).length)
      .toBe(1);
    const [saved] = await call(app, 'managementReviews.list', { engagementId });
    expect(saved).toMatchObject({
      title: 'Management review Q4',
      status: 'planned',
      interestedParties: 'Two patient complaints about triage waiting times.',
      decisions: [
        {
          text: 'Fund a second clinical safety reviewer.',
          owner: 'Medical director',
          dueDate: '2027-03-31',
          status: 'open',
        },
      ],
    });
    await expect
      .poll(() => page.getByRole('table', { name: 'Management reviews of the engagement' }).count())
      .toBe(1);
    expect(problems).toEqual([]);
  });

  it('holds the review and produces its signed minutes, and the signed audit report once the audit is completed', async () => {
    const form = page.getByRole('form', { name: 'Management review' });
    await form.getByRole('combobox', { name: 'Status', exact: true }).click();
    await page.getByRole('option', { name: 'Held' }).click();
    await form.getByLabel('Held on').fill(today());
    await form.getByRole('button', { name: 'Save review' }).click();
    await expect
      .poll(async () => (await call(app, 'managementReviews.list', { engagementId }))[0]?.status)
      .toBe('held');
    // The "saved" notice sits over the bottom-right corner, and a pointer resting on it keeps it
    // open: move away and let it close before reaching for the button beneath.
    await page.mouse.move(0, 0);
    await expect
      .poll(() => page.locator('.mantine-Notification-root').count(), { timeout: 15_000 })
      .toBe(0);
    await page.getByRole('button', { name: 'Minutes' }).click();
    await produceSigned('Management review minutes');
    const minutes = exported(newest('review-minutes'));
    expect((await verifyPdf(fs.readFileSync(minutes))).valid).toBe(true);
    const text = pdfText(minutes).replace(/\s+/g, ' ');
    expect(text).toContain('Two patient complaints about triage waiting times.');
    expect(text).toContain('Fund a second clinical safety reviewer.');

    const audit = (await call(app, 'audits.checklist', { auditId })).audit;
    await call(app, 'audits.save', {
      id: audit.id,
      programmeId: audit.programmeId,
      title: audit.title,
      status: 'completed',
      heldFrom: audit.heldFrom,
      auditors: audit.auditors,
      requirementIds: audit.requirementIds,
      conclusion: 'The risk method is not applied before release.',
    });
    await page.goto(`${app.url}#/audits/${engagementId}/checklist/${auditId}`);
    await page.getByRole('button', { name: 'Audit report' }).click();
    await produceSigned('Internal audit report');
    const report = exported(newest('audit-report'));
    expect((await verifyPdf(fs.readFileSync(report))).valid).toBe(true);
    const words = pdfText(report).replace(/\s+/g, ' ');
    expect(words).toContain('The triage assistant went live without a risk assessment.');
    expect(words).toContain('The risk method is not applied before release.');
    expect(problems).toEqual([]);
  });
});
