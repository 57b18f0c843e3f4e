import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, seedSmallDemo, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';
import { toldBlockers } from '../../shared/rules/stages';

/**
 * The Readiness screen of the small demo, as a consultant reads it before telling a client whether
 * to book the certification audit: a verdict per audit stage, what blocks each, and a way to it.
 */
describe('the Readiness screen in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let assessmentId = '';

  beforeAll(async () => {
    const dataDir = tempDir('assay-e2e-readiness-');
    seedSmallDemo(dataDir);
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    assessmentId = (await call(app, 'assessments.list', {}))[0]?.id ?? '';
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    problems = watchPage(page);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('shows a verdict for each audit stage with the reasons that block it', async () => {
    const expected = await call(app, 'readiness.get', { assessmentId });
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/readiness`);
    for (const [stage, name] of [
      [1, 'Stage 1: documentation review'],
      [2, 'Stage 2: on-site audit'],
    ] as const) {
      const card = page.getByRole('region', { name });
      await expect.poll(() => card.isVisible()).toBe(true);
      const want = expected.stages.find((s) => s.stage === stage);
      expect(want?.blockers.length, `the demo has blockers at stage ${stage}`).toBeGreaterThan(0);
      await expect
        .poll(() => card.locator('[data-stage-verdict]').getAttribute('data-stage-verdict'))
        .toBe(want?.verdict);
      await expect.poll(() => card.getByText('Not ready', { exact: true }).isVisible()).toBe(true);
      const list = card.getByRole('list', { name: `What blocks ${name}` });
      // Many missing documents are one line there (the register lists each).
      const told = toldBlockers(want?.blockers ?? []);
      await expect.poll(() => list.getByRole('listitem').count()).toBe(told.length);
      // Each reason is there in full, with the requirement it names.
      for (const blocker of told) {
        await expect.poll(() => list.getByText(blocker.reason).first().isVisible()).toBe(true);
      }
    }
    // Stage 2 also names what stage 1 does not: the open majors and the review not yet held.
    const stage2 = page.getByRole('list', { name: 'What blocks Stage 2: on-site audit' });
    await expect.poll(() => stage2.getByText(/open major nonconformit/).isVisible()).toBe(true);
    await expect
      .poll(() => stage2.getByText(/No management review completed/).isVisible())
      .toBe(true);
    const stage1 = page.getByRole('list', { name: 'What blocks Stage 1: documentation review' });
    expect(await stage1.getByText(/open major nonconformit/).count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('takes the consultant from a blocking reason to where it is fixed', async () => {
    const stage1 = page.getByRole('list', { name: 'What blocks Stage 1: documentation review' });
    await stage1.getByRole('link', { name: 'Open the SoA' }).first().click();
    await expect.poll(() => page.url()).toMatch(new RegExp(`#/assessments/${assessmentId}/soa$`));
    await expect.poll(() => page.getByText(/Decided \d+ of 38/).isVisible()).toBe(true);
    await page.goBack();
    const stage2 = page.getByRole('list', { name: 'What blocks Stage 2: on-site audit' });
    await stage2.getByRole('link', { name: 'Open the findings' }).first().click();
    await expect
      .poll(() => page.url())
      .toMatch(new RegExp(`#/assessments/${assessmentId}/findings$`));
    expect(problems).toEqual([]);
  });

  it('shows a contradiction where the consultant works: the SoA row, the interview and the risk drawer', async () => {
    const checks = await call(app, 'readiness.checks', { assessmentId });
    const excluded = checks.find((c) => c.check === 'excluded-but-relied-on');
    const control = excluded?.control ?? '';
    const risk = excluded?.risks[0]?.ref ?? '';
    expect(control, 'the small demo excludes a control a treatment relies on').not.toBe('');
    const note = (name: string) => page.getByRole('alert', { name });

    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/soa`);
    await expect.poll(() => page.getByTestId('soa-contradictions').isVisible()).toBe(true);
    const onRow = note(`${control} contradicts other records`);
    await expect.poll(() => onRow.getByText(excluded?.message ?? '').isVisible()).toBe(true);

    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/interview/${control}`);
    const inInterview = note(`${control} contradicts other records`);
    await expect.poll(() => inInterview.getByText(excluded?.message ?? '').isVisible()).toBe(true);

    await page.goto(`${app.openUrl}#/risks/register`);
    await page.getByLabel('Search risks').fill(risk);
    await page.getByRole('button', { name: `Open ${risk}` }).click();
    const inDrawer = note('This risk contradicts other records');
    await expect
      .poll(() => inDrawer.getByText(`${control} is excluded in the SoA`).isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
  });

  it('lists every gate, whether it holds, and the consistency checks', async () => {
    const expected = await call(app, 'readiness.get', { assessmentId });
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/readiness`);
    await expect.poll(() => page.getByLabel('Verdict').isVisible()).toBe(true);
    for (const gate of expected.gates) {
      await expect.poll(() => page.getByText(gate.label, { exact: true }).isVisible()).toBe(true);
    }
    const check = expected.checks[0];
    expect(check, 'the small demo has a contradiction to show').toBeDefined();
    await expect
      .poll(() =>
        page
          .getByText(check?.message ?? '')
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(problems).toEqual([]);
  });
});
