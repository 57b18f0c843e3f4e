import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

describe('reports in the browser', () => {
  let browser: Browser;
  let app: ServedApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-reports-'));
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Contoso Pharma',
      aimsScope: 'Clinical-trial matching model.',
      leadAssessor: 'Dana Okafor',
    });
    await call(app, 'assessments.create', { engagementId: engagement.id, title: 'Stage 1 review' });
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('exports a draft report and offers it for download', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/reports`);
    const assessment = page.getByRole('combobox', { name: 'Assessment' }).first();
    // The list fills once the assessments have loaded; pick only then, and check it took.
    await expect
      .poll(async () => {
        await assessment.click();
        const option = page.getByRole('option', { name: /Stage 1 review/ }).first();
        if (await option.isVisible()) await option.click();
        return assessment.inputValue();
      })
      .toContain('Stage 1 review');
    await page.getByText('Draft (unsigned, marked DRAFT)').click();
    const exportButton = page.getByRole('button', { name: 'Export PDF' });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    await exportButton.click();
    await expect
      .poll(() => page.getByText('Draft report ready').isVisible(), { timeout: 60_000 })
      .toBe(true);
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Download .*\.pdf$/ })
      .first()
      .click();
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);
    expect(problems).toEqual([]);
    await page.close();
  });
});
