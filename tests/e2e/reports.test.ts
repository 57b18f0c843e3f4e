import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

/** The list fills once the assessments have loaded; pick only then, and check it took. */
async function pickAssessment(page: Page): Promise<void> {
  const assessment = page.getByRole('combobox', { name: 'Assessment' }).first();
  await expect
    .poll(async () => {
      await assessment.click();
      const option = page.getByRole('option', { name: /Stage 1 review/ }).first();
      if (await option.isVisible()) await option.click();
      return assessment.inputValue();
    })
    .toContain('Stage 1 review');
}

describe('reports in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let dataDir: string;

  beforeAll(async () => {
    browser = await launchBrowser();
    dataDir = tempDir('assay-e2e-reports-');
    app = await serveApp(dataDir);
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
    await pickAssessment(page);
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

  it('imports a .p12 picked in the page: its bytes go through the transfer, nothing stays behind', async () => {
    // An organisation's file: made by Assay itself, taken out, and its identity deleted.
    const passphrase = 'org-issued passphrase';
    const made = await call(app, 'identities.create', {
      name: 'Org Signer',
      email: 'signer@org.example',
      passphrase,
    });
    const p12 = path.join(tempDir('assay-e2e-p12-'), 'org signer.p12');
    fs.copyFileSync(path.join(dataDir, 'identities', `${made.id}.p12`), p12);
    await call(app, 'identities.delete', { id: made.id });

    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/reports`);
    await page.getByRole('button', { name: 'Import .p12/.pfx' }).click();
    const form = page.getByRole('form', { name: 'Import a signing identity' });
    await form.locator('input[type="file"]').setInputFiles(p12);
    await form.getByLabel('Passphrase of the file').fill(passphrase);
    await form.getByRole('button', { name: 'Import identity' }).click();
    await expect
      .poll(() => page.getByText('Signing identity Org Signer imported.').isVisible())
      .toBe(true);
    const listed = await call(app, 'identities.list', {});
    expect(listed.map((i) => [i.name, i.origin])).toEqual([['Org Signer', 'imported']]);
    const incoming = path.join(dataDir, 'incoming');
    expect(fs.existsSync(incoming) ? fs.readdirSync(incoming) : []).toEqual([]);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports the same report as an editable Word document and offers it for download', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/reports`);
    await pickAssessment(page);
    await page.getByText('Word (editable)').click();
    await page.getByText('Draft (unsigned, marked DRAFT)').click();
    const exportButton = page.getByRole('button', { name: 'Export Word document' });
    await expect.poll(() => exportButton.isEnabled()).toBe(true);
    await exportButton.click();
    await expect
      .poll(() => page.getByText('Word report ready').isVisible(), { timeout: 60_000 })
      .toBe(true);
    const download = page.waitForEvent('download');
    await page
      .getByRole('button', { name: /^Download .*\.docx$/ })
      .first()
      .click();
    expect((await download).suggestedFilename()).toMatch(/\.docx$/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('saves a template from chosen sections in a new order, and offers it for the export', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/reports`);
    const panel = page.getByRole('region', { name: 'Report templates' });
    await panel.getByLabel('Template name').fill('Board pack');
    const sections = panel.getByRole('group', { name: 'Sections, in print order' });
    for (const title of ['Scope and method', 'Results by clause', 'Results by Annex A area'])
      await sections.getByRole('checkbox', { name: title, exact: true }).uncheck();
    await sections.getByRole('button', { name: 'Move Findings up' }).click();
    await panel.getByRole('button', { name: 'Save template' }).click();
    await expect.poll(() => page.getByText('Template Board pack saved.').isVisible()).toBe(true);
    const saved = await call(app, 'reports.templates', {});
    expect(saved).toEqual([
      {
        name: 'Board pack',
        sections: [
          'summary',
          'readiness',
          'findings',
          'actions',
          'comparison',
          'soa',
          'documents',
          'systems',
          'risks',
          'impact',
          'consistency',
          'euaiact',
          'nist',
          'evidence',
        ],
      },
    ]);
    await pickAssessment(page);
    await page.getByRole('combobox', { name: 'Sections', exact: true }).click();
    await expect
      .poll(() => page.getByRole('option', { name: 'Board pack' }).isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
