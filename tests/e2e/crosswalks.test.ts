import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

describe('other frameworks in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let assessmentId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-crosswalks-'));
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Contoso Credit',
      aimsScope: 'Credit-scoring models.',
      leadAssessor: 'Dana Okafor',
    });
    const assessment = await call(app, 'assessments.create', {
      engagementId: engagement.id,
      title: 'Readiness 2026',
    });
    assessmentId = assessment.id;
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('shows the related AI Act articles, NIST subcategories and 27001 controls beside the interview', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/interview/A.6.2.8`);
    const panel = page.getByLabel('Related in other frameworks');
    await expect.poll(() => panel.getByText('Record-keeping').isVisible()).toBe(true);
    for (const group of [
      'Related in EU AI Act (Regulation (EU) 2024/1689)',
      'Related in NIST AI RMF 1.0',
      'Related in ISO/IEC 27001:2022',
    ])
      expect(await page.getByLabel(group).count(), group).toBe(1);
    const aiAct = page.getByLabel('Related in EU AI Act (Regulation (EU) 2024/1689)');
    expect(await aiAct.getByText('Article 12', { exact: true }).isVisible()).toBe(true);
    expect(await aiAct.getByText('Covers part').first().isVisible()).toBe(true);
    expect(await aiAct.getByText('High confidence').first().isVisible()).toBe(true);
    expect(
      await aiAct.getByText(/automatic recording of events over its lifetime/).isVisible(),
    ).toBe(true);
    expect(
      await page
        .getByLabel('Related in ISO/IEC 27001:2022')
        .getByText('Logging', { exact: true })
        .isVisible(),
    ).toBe(true);

    // Moving on with the keyboard brings the next requirement's related items.
    await page.keyboard.press('j');
    await expect
      .poll(() => page.getByLabel('Related in ISO/IEC 27001:2022').getByText('A.8.11').count())
      .toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('browses the EU AI Act in the catalog and goes from an article to the 42001 requirements related to it', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/catalog`);
    await page.getByRole('combobox', { name: 'Framework' }).click();
    await page.getByRole('option', { name: 'EU AI Act (Regulation (EU) 2024/1689)' }).click();
    await expect
      .poll(() => page.getByText(/reference catalog, 170 entries/).isVisible())
      .toBe(true);
    await page.getByLabel('Search requirements').fill('human oversight');
    await page.getByRole('link', { name: /^Article 14/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Human oversight' }).isVisible())
      .toBe(true);
    expect(await page.getByText('Reference only, not assessed').isVisible()).toBe(true);
    const related = page.getByLabel('Related in ISO/IEC 42001:2023');
    await expect.poll(() => related.getByText('A.6.2.2', { exact: true }).isVisible()).toBe(true);
    await related.getByRole('link', { name: 'AI system requirements and specification' }).click();
    await expect
      .poll(() =>
        page.getByRole('heading', { name: 'AI system requirements and specification' }).isVisible(),
      )
      .toBe(true);
    expect(page.url()).toMatch(/#\/catalog\/A\.6\.2\.2$/);
    // Back on ISO/IEC 42001 with its interview guide.
    await expect.poll(() => page.getByText('Questions to ask').isVisible()).toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('never offers a reference catalog when a new assessment is created', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // Browse a reference catalog first: the scope picker must still show ISO/IEC 42001's areas.
    await page.goto(`${app.openUrl}#/catalog/Article%209/eu-ai-act-2024-1689`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Risk management system' }).isVisible())
      .toBe(true);
    // A hash change keeps the page (and its loaded catalogs), as the app's own links do.
    await page.evaluate("window.location.hash = '#/assessments'");
    await page.getByRole('button', { name: 'New assessment' }).click();
    await expect.poll(() => page.getByRole('dialog').isVisible()).toBe(true);
    // Only ISO/IEC 42001 is assessable here, so no framework choice is shown at all.
    await expect.poll(() => page.getByRole('textbox', { name: 'Title' }).isVisible()).toBe(true);
    expect(await page.getByRole('dialog').getByText('Framework').count()).toBe(0);
    await expect
      .poll(() => page.getByRole('checkbox', { name: '4 Context of the organization' }).count())
      .toBe(1);
    expect(await page.getByRole('checkbox', { name: /Chapter/ }).count()).toBe(0);
    await page.close();
  });
});
