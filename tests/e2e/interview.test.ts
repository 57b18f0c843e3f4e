import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';
import { hasFocus } from './keyboard';

describe('the guided interview, keyboard only', () => {
  let browser: Browser;
  let app: ServedApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-interview-'));
    await call(app, 'engagements.create', {
      clientName: 'Fabrikam Health',
      aimsScope: 'Triage assistant and scheduling models.',
      leadAssessor: 'Dana Okafor',
    });
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  const savedState = (page: Page) =>
    page.locator('[data-save-state]').first().getAttribute('data-save-state');

  it('creates an assessment, records ten answers from the keyboard, and resumes them after a reload', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments`);
    await page.getByRole('button', { name: 'New assessment' }).click();
    await page.getByRole('combobox', { name: 'Engagement' }).click();
    await page.getByRole('option', { name: 'Fabrikam Health' }).click();
    await page.getByRole('textbox', { name: 'Title' }).fill('Readiness 2026');
    await page.getByRole('button', { name: 'Create assessment' }).click();
    await expect
      .poll(() =>
        page
          .getByRole('heading', { name: 'Understanding the organization and its context' })
          .isVisible(),
      )
      .toBe(true);
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);

    // Results 1, 2, 3 in turn; flag every third; move on with J.
    const keys = ['1', '2', '3', '1', '2', '3', '1', '2', '3', '1'];
    for (const [i, key] of keys.entries()) {
      await page.keyboard.press(key);
      if (i % 3 === 0) await page.keyboard.press('f');
      await expect.poll(() => savedState(page), { message: `answer ${i + 1} saved` }).toBe('saved');
      await page.keyboard.press('j');
    }
    await page.keyboard.press('k');
    await page.keyboard.press('e');
    await page.keyboard.type('Policy approved by the board in March; copy received.');
    await page.keyboard.press('Escape');
    await expect.poll(() => savedState(page)).toBe('saved');
    await page.keyboard.press('j');

    await page.reload();
    await expect.poll(() => page.getByText('10 of 70 assessed · 4 flagged').isVisible()).toBe(true);
    // Resumes where the consultant left off: the eleventh requirement.
    await expect.poll(() => page.getByText('11 / 70').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('link', { name: /^4\.1 .*Conformant$/ }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /^4\.2 .*Partially conformant$/ }).count())
      .toBe(1);
    await expect
      .poll(() => page.getByRole('link', { name: /^4\.3 .*Nonconformant$/ }).count())
      .toBe(1);

    await page.keyboard.press('k');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Notes' }).inputValue())
      .toBe('Policy approved by the board in March; copy received.');
    // "Gaps" lists nonconformant and partially conformant answers: three of each here.
    await page.getByText('Gaps', { exact: true }).click();
    await expect
      .poll(() =>
        page.getByRole('navigation', { name: 'Requirements in scope' }).getByRole('link').count(),
      )
      .toBe(6);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("refreshes the header's progress when a nonconformant answer is set back to not assessed", async () => {
    const [assessment] = await call(app, 'assessments.list', {});
    if (!assessment) throw new Error('no assessment');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.openUrl}#/assessments/${assessment.id}/interview/4.3`);
    await expect.poll(() => page.getByText('10 of 70 assessed · 4 flagged').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('3 / 70').isVisible()).toBe(true);
    // Nonconformant and not assessed both start with an "n": the header must follow anyway.
    await page.keyboard.press('0');
    await expect.poll(() => savedState(page)).toBe('saved');
    await expect.poll(() => page.getByText('9 of 70 assessed · 4 flagged').isVisible()).toBe(true);
    await page.close();
  });

  it('leaves the interview alone while a dialog is open: its keys act in the dialog only', async () => {
    const [assessment] = await call(app, 'assessments.list', {});
    if (!assessment) throw new Error('no assessment');
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.openUrl}#/assessments/${assessment.id}/interview/4.3`);
    await expect.poll(() => page.getByText('9 of 70 assessed · 4 flagged').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Raise finding' }).first().click();
    const dialog = page.getByRole('dialog', { name: 'Raise a finding' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // On a button of the dialog, a result key, "j" and "e" must not reach the interview behind.
    await dialog.getByRole('button', { name: 'Cancel' }).focus();
    for (const key of ['1', 'j', 'e', 'f']) await page.keyboard.press(key);
    await expect.poll(() => hasFocus(dialog.getByRole('button', { name: 'Cancel' }))).toBe(true);
    expect(await page.getByText('3 / 70').isVisible()).toBe(true);
    expect(await page.getByText('9 of 70 assessed · 4 flagged').isVisible()).toBe(true);
    expect(await page.getByRole('textbox', { name: 'Notes' }).inputValue()).toBe('');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
    const saved = await call(app, 'responses.list', { assessmentId: assessment.id });
    expect(saved.find((r) => r.requirementId.endsWith(':4.3'))?.result).toBe('not-assessed');
    await page.close();
  });

  it('asks for a justification before saving "not applicable"', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.openUrl}#/assessments`);
    await page.getByRole('link', { name: 'Readiness 2026' }).click();
    await expect.poll(() => page.getByText(/ \/ 70$/).isVisible()).toBe(true);
    await page.keyboard.press('Control+k');
    await page.getByPlaceholder('Go to requirement…').fill('A.10.4');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByRole('heading', { name: 'Customers' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByPlaceholder('Go to requirement…').count()).toBe(0);
    await page.keyboard.press('4');
    await expect.poll(() => savedState(page)).toBe('needs-justification');
    await page
      .getByRole('textbox', { name: 'Why it does not apply' })
      .fill('No AI system is supplied to customers.');
    await expect.poll(() => savedState(page)).toBe('saved');
    await page.close();
  });

  it('refuses changes to a final assessment', async () => {
    const [assessment] = await call(app, 'assessments.list', {});
    if (!assessment) throw new Error('no assessment');
    await call(app, 'assessments.setStatus', { id: assessment.id, status: 'final' });
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.goto(`${app.openUrl}#/assessments/${assessment.id}/interview`);
    await expect
      .poll(() =>
        page
          .getByText(/final and read-only/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(await page.getByRole('radio', { name: /Nonconformant/ }).isDisabled()).toBe(true);
    await expect(
      call(app, 'responses.save', {
        assessmentId: assessment.id,
        requirementId: 'iso-iec-42001-2023:5.1',
        result: 'conformant',
      }),
    ).rejects.toThrow(/final and read-only/);
    await page.close();
  });
});
