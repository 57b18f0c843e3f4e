import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

describe('question bank revision 2 on screen', () => {
  let browser: Browser;
  let app: ServedApp;
  let assessmentId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-guidance-'));
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Contoso Insurance',
      aimsScope: 'Claims triage models.',
      leadAssessor: 'Dana Okafor',
    });
    const assessment = await call(app, 'assessments.create', {
      engagementId: engagement.id,
      frameworkId: 'iso-iec-42001-2023',
      title: 'Readiness 2026',
    });
    assessmentId = assessment.id;
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('the catalog shows stages, the sampling plan, typical nonconformities and the overlap link', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/catalog/A.2.2`);
    const detail = page.getByLabel('Requirement A.2.2');
    await expect
      .poll(() => detail.getByRole('heading', { name: 'AI policy' }).isVisible())
      .toBe(true);
    await expect
      .poll(() => detail.getByText(/^Stage 1: design and documentation$/).count())
      .toBe(3);
    await expect.poll(() => detail.getByText(/^Stage 2: operating effectiveness$/).count()).toBe(2);
    await expect.poll(() => detail.getByText('SoA and treatment').count()).toBe(1);
    await expect
      .poll(() => detail.getByLabel('Typical nonconformities').textContent())
      .toMatch(/Major nonconformity.*Minor nonconformity/);
    await expect
      .poll(() => detail.getByText(/A missing AI policy counts under/).textContent())
      .toMatch(/counts under 5\.2, not here/);

    // Stage filter: only the stage-2 questions remain, keeping their numbers.
    await detail.getByText(/^Stage 2 · 2$/).click();
    await expect.poll(() => detail.getByText(/^Stage 1: /).count()).toBe(0);
    await expect.poll(() => detail.getByText(/^4\.$/).isVisible()).toBe(true);

    // The overlap names its other side as a link that opens it.
    await detail.getByLabel('Overlap ai-policy').getByRole('link', { name: '5.2' }).first().click();
    const clause = page.getByLabel('Requirement 5.2');
    await expect.poll(() => clause.getByText(/Judged under/).textContent()).toMatch(/A\.2\.2/);
    await expect
      .poll(() => clause.getByLabel('Sampling').textContent())
      .toMatch(/No sample needed/);

    await page.goto(`${app.openUrl}#/catalog/8.1`);
    const sampled = page.getByLabel('Requirement 8.1').getByLabel('Sampling');
    await expect.poll(() => sampled.textContent()).toMatch(/Sample 5 from releases/);
    await expect.poll(() => sampled.textContent()).toMatch(/Chosen by you:/);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('the interview guidance shows the same and its overlap link moves the interview', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/interview/A.2.2`);
    const guidance = page.getByLabel('Guidance');
    await expect.poll(() => guidance.getByText('Typical findings').isVisible()).toBe(true);
    await expect.poll(() => guidance.getByText(/^Stage 2: /).count()).toBe(2);
    await expect.poll(() => guidance.getByLabel('Major nonconformity').count()).toBe(1);
    await guidance
      .getByLabel('Overlap ai-policy')
      .getByRole('link', { name: '5.2' })
      .first()
      .click();
    await expect.poll(() => page.url()).toMatch(/\/interview\/5\.2$/);
    await expect.poll(() => page.getByRole('heading', { name: 'AI policy' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('scoping: ticking roles saves, suggests controls and survives a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/settings`);
    const roles = page.getByRole('group', {
      name: 'Which roles does the organisation play for AI?',
    });
    await roles.getByText('Developer', { exact: true }).click();
    const eu = page.getByRole('group', {
      name: 'Which roles does the organisation hold under the EU AI Act?',
    });
    await eu.getByText('Importer', { exact: true }).click();
    await expect
      .poll(async () => (await call(app, 'assessments.get', { id: assessmentId })).scoping)
      .toEqual({ 'ai-roles': ['developer'], 'eu-ai-act-role': ['importer'] });
    const suggestions = page.getByText('Controls likely to matter most', { exact: true });
    await expect.poll(() => suggestions.isVisible()).toBe(true);

    // "None of these" is a considered answer, distinct from leaving the question blank.
    await eu.getByText('None of these', { exact: true }).click();
    await expect
      .poll(async () => (await call(app, 'assessments.get', { id: assessmentId })).scoping)
      .toEqual({ 'ai-roles': ['developer'], 'eu-ai-act-role': [] });

    await page.reload();
    const reloaded = page.getByRole('group', {
      name: 'Which roles does the organisation play for AI?',
    });
    await expect
      .poll(() => reloaded.getByRole('checkbox', { name: 'Developer' }).isChecked())
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
});
