import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { projectRoot, tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

/** The small demo, written by the real CLI before the server starts. */
function demoDataDir(): string {
  const dataDir = tempDir('assay-e2e-eu-ai-act-');
  const r = spawnSync(
    process.execPath,
    [path.join(projectRoot, 'bin', 'assay.cjs'), 'demo', '--data-dir', dataDir],
    { encoding: 'utf8', timeout: 120_000 },
  );
  if (r.status !== 0) throw new Error(`assay demo failed: ${r.stderr}`);
  return dataDir;
}

describe('the EU AI Act and NIST AI RMF views on the small demo', () => {
  let browser: Browser;
  let app: ServedApp;
  let assessmentId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(demoDataDir());
    const [assessment] = await call(app, 'assessments.list', {});
    assessmentId = assessment?.id ?? '';
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  const card = (page: Page, title: string) => page.getByLabel(`Obligation: ${title}`);

  it('lists the provider obligations of the high-risk credit-scoring model with their supporting requirements, and what 42001 does not cover', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/eu-ai-act`);
    const helps = page.getByLabel('Obligations ISO/IEC 42001 helps with');
    await expect.poll(() => helps.isVisible()).toBe(true);
    for (const title of [
      'Risk management system',
      'Data and data governance',
      'Technical documentation',
      'Record-keeping and logs',
      'Transparency and instructions for use',
      'Accuracy, robustness and cybersecurity',
      'Quality management system',
    ])
      expect(await helps.getByLabel(`Obligation: ${title}`).count(), title).toBe(1);
    const notCovered = page.getByLabel('Obligations ISO/IEC 42001 does not cover');
    for (const title of [
      'Human oversight',
      'Conformity assessment',
      'CE marking',
      'Registration in the EU database',
      'Fundamental rights impact assessment',
    ])
      expect(await notCovered.getByLabel(`Obligation: ${title}`).count(), title).toBe(1);

    const risk = card(page, 'Risk management system');
    expect(await risk.getByText('Credit scoring model').isVisible()).toBe(true);
    const supporting = risk.getByRole('table', {
      name: 'ISO/IEC 42001 requirements supporting Risk management system',
    });
    expect(await supporting.getByRole('link', { name: '6.1.2' }).isVisible()).toBe(true);
    expect(await supporting.getByText('AI risk assessment').first().isVisible()).toBe(true);
    // The requirement links back to the interview.
    await supporting.getByRole('link', { name: '6.1.2' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'AI risk assessment' }).first().isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('exports the obligations as an XLSX file', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/eu-ai-act`);
    const button = page.getByRole('button', { name: 'Export XLSX' });
    await expect.poll(() => button.isEnabled()).toBe(true);
    const download = page.waitForEvent('download');
    await button.click();
    expect((await download).suggestedFilename()).toMatch(
      /^Northwind-Lending-Ltd-eu-ai-act-obligations-\d{4}-\d{2}-\d{2}\.xlsx$/,
    );
    await page.close();
  });

  it('follows the scoping edited in the AI system drawer', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/systems`);
    const open = page.getByRole('button', { name: 'CV screening tool' });
    await expect.poll(() => open.isVisible()).toBe(true);
    await open.click();
    const drawer = page.getByRole('dialog');
    const riskClass = drawer.getByRole('combobox', { name: 'Risk class' });
    await riskClass.click();
    await page.getByRole('option', { name: 'Minimal risk' }).click();
    await drawer.getByRole('button', { name: 'Save AI system' }).click();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await expect
      .poll(() =>
        page
          .getByRole('row', { name: /CV screening tool/ })
          .getByText('Minimal')
          .isVisible(),
      )
      .toBe(true);

    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/eu-ai-act`);
    const fria = card(page, 'Fundamental rights impact assessment');
    await expect.poll(() => fria.isVisible()).toBe(true);
    expect(await fria.getByText('CV screening tool').count()).toBe(0);
    expect(await fria.getByText('Credit scoring model').count()).toBeGreaterThan(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('shows the NIST AI RMF coverage chart per category', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/nist`);
    const chart = page.getByLabel('NIST AI RMF coverage chart');
    await expect.poll(() => chart.isVisible()).toBe(true);
    await expect.poll(() => chart.locator('.recharts-bar-rectangle').count()).toBeGreaterThan(19);
    for (const fn of ['Govern', 'Map', 'Measure', 'Manage'])
      expect(await page.getByLabel(`${fn} coverage`).isVisible(), fn).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
