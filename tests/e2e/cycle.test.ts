import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { call } from './api';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const req = (ref: string) => `iso-iec-42001-2023:${ref}`;

/**
 * The yearly cycle in the browser: last year's final assessment, "Start the next assessment",
 * the carried-over decisions to confirm, and "last time" beside the new, empty answer.
 */
describe('the next cycle in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let lastYearId = '';
  let nextId = '';
  let engagementId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-cycle-'));
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Northwind Lending',
      aimsScope: 'Credit scoring and the support chatbot',
      leadAssessor: 'Dana Okafor',
    });
    engagementId = engagement.id;
    const created = await call(app, 'assessments.create', {
      engagementId: engagement.id,
      title: 'Gap assessment 2025',
    });
    lastYearId = created.id;
    await call(app, 'responses.save', {
      assessmentId: lastYearId,
      requirementId: req('6.1.2'),
      result: 'nonconformant',
      notes: 'No documented risk assessment method; two models launched without one.',
    });
    await call(app, 'findings.create', {
      assessmentId: lastYearId,
      requirementId: req('6.1.2'),
      grade: 'major',
      statement: 'AI risks are not assessed before release.',
      owner: 'Chief Risk Officer',
    });
    await call(app, 'soa.save', {
      assessmentId: lastYearId,
      requirementId: req('A.2.2'),
      applicable: true,
      justification: 'The AI policy is the top of the AIMS.',
      implementationStatus: 'implemented',
    });
    await call(app, 'assessments.setStatus', { id: lastYearId, status: 'final' });
    page = await browser.newPage();
    problems = watchPage(page);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('starts the next assessment from a final one and lists what it carried over', async () => {
    await page.goto(`${app.openUrl}#/assessments/${lastYearId}/interview`);
    await page.getByRole('button', { name: 'Start the next assessment' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start the next assessment' });
    await expect.poll(() => dialog.getByLabel('Title').inputValue()).toBe('Gap assessment 2026');
    await dialog.getByRole('button', { name: 'Start the next assessment' }).click();

    const carried = page.getByRole('region', { name: 'Carried over' });
    await expect.poll(() => carried.isVisible()).toBe(true);
    await expect
      .poll(() => carried.getByText('2 of 2 still to confirm', { exact: false }).isVisible())
      .toBe(true);
    nextId = /#\/assessments\/([^/]+)/.exec(page.url())?.[1] ?? '';
    expect(nextId).not.toBe(lastYearId);
    await carried.getByRole('button', { name: /^Confirm A\.2\.2/ }).click();
    await expect
      .poll(() => carried.getByText('1 of 2 still to confirm', { exact: false }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(/Follows\s*Gap assessment 2025/).isVisible()).toBe(true);
  });

  it('shows last time beside the empty answer and keeps last year open in the findings', async () => {
    await page.goto(`${app.url}#/assessments/${nextId}/interview/6.1.2`);
    const lastTime = page.getByRole('region', { name: 'Last time' });
    await expect.poll(() => lastTime.isVisible()).toBe(true);
    await expect.poll(() => lastTime.getByText('Nonconformant').isVisible()).toBe(true);
    await expect
      .poll(() =>
        lastTime.getByText('No documented risk assessment method', { exact: false }).isVisible(),
      )
      .toBe(true);
    await expect.poll(() => lastTime.getByText('F-001').isVisible()).toBe(true);
    // This year's answer is empty: nothing chosen, no notes.
    const result = page.getByRole('radiogroup', { name: 'Result' });
    expect(await result.locator('[aria-checked="true"]').allTextContents()).toEqual([
      expect.stringContaining('Not assessed'),
    ]);
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('');
    expect(await call(app, 'responses.list', { assessmentId: nextId })).toEqual([]);

    await page.goto(`${app.url}#/assessments/${nextId}/findings`);
    const carriedFindings = page.getByRole('region', { name: 'Carried-over findings' });
    await expect
      .poll(() => carriedFindings.getByText('Gap assessment 2025 F-001').isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it('compares the two cycles: the improved requirement, the findings open at both, the trend', async () => {
    await call(app, 'responses.save', {
      assessmentId: nextId,
      requirementId: req('6.1.2'),
      result: 'conformant',
    });
    await page.goto(`${app.url}#/assessments/${nextId}/interview`);
    await page.getByRole('link', { name: 'What changed since Gap assessment 2025' }).click();
    const summary = page.getByLabel('Summary');
    await expect.poll(() => summary.getByText('1 improved · 0 worsened').isVisible()).toBe(true);
    const rows = page.getByRole('table', { name: 'Requirement changes' });
    await expect
      .poll(() =>
        rows.getByRole('row', { name: /6\.1\.2 .*Nonconformant Conformant Improved/ }).count(),
      )
      .toBe(1);
    await page.getByRole('tab', { name: 'Findings' }).click();
    const both = page.getByRole('region', { name: 'Open at both' });
    await expect.poll(() => both.getByText('F-001').isVisible()).toBe(true);
    const trend = page.getByRole('table', { name: 'Readiness per cycle' });
    expect(await trend.getByRole('row').count()).toBe(3);
    await expect
      .poll(() => page.getByTestId('trend-chart').locator('svg').count())
      .toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it("raises last cycle's finding's corrective action and closes it through its review", async () => {
    await page.goto(`${app.url}#/assessments/${nextId}/findings`);
    await page
      .getByRole('button', { name: 'Corrective action for Gap assessment 2025 F-001' })
      .click();
    const drawer = page.getByRole('dialog', { name: 'Corrective action — F-001' });
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await drawer.getByText('Five whys', { exact: true }).click();
    await drawer.getByLabel('Why 1').fill('Models shipped without a risk assessment.');
    await drawer
      .getByLabel('Root cause', { exact: true })
      .fill('The release process had no risk gate.');
    await drawer
      .getByLabel('Corrective action', { exact: true })
      .fill('A risk gate in the release checklist, owned by the risk office.');
    const today = new Date().toISOString().slice(0, 10);
    await drawer.getByLabel('Completed on').fill(today);
    await drawer.getByRole('button', { name: 'Save action' }).click();
    // Completed, not yet reviewed: the finding stays open.
    const review = drawer.getByRole('form', { name: 'Effectiveness review' });
    await expect.poll(() => review.isVisible()).toBe(true);
    const open = await call(app, 'findings.list', { assessmentId: lastYearId });
    expect(open.find((f) => f.ref === 'F-001')?.status).toBe('open');

    await review.getByLabel('Reviewer').fill('Internal audit lead');
    await review.getByRole('radio', { name: 'Effective — close the finding' }).check();
    await review.getByRole('button', { name: 'Record review' }).click();
    await expect
      .poll(() => drawer.getByText('Verified effective on', { exact: false }).isVisible())
      .toBe(true);
    const closed = await call(app, 'findings.list', { assessmentId: lastYearId });
    expect(closed.find((f) => f.ref === 'F-001')).toMatchObject({ status: 'closed' });
    await page.keyboard.press('Escape');

    await page.goto(`${app.url}#/actions/${engagementId}`);
    const register = page.getByRole('table', { name: 'Corrective-action register' });
    await expect
      .poll(() => register.getByRole('row', { name: /F-001.*Verified effective/ }).count())
      .toBe(1);
    // The register as an editable Word document, beside the XLSX and CSV.
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export Word' }).click();
    expect((await download).suggestedFilename()).toMatch(
      /-corrective-actions-\d{4}-\d{2}-\d{2}\.docx$/,
    );
    expect(problems).toEqual([]);
  });
});
