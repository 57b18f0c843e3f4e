import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const FW = 'iso-iec-42001-2023';

describe('findings and the Statement of Applicability in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let assessmentId = '';

  /** Set-up through the same HTTP API the page uses, to spend the browser time on the screens. */
  async function call<T>(name: string, body: unknown): Promise<T> {
    const response = await fetch(`${app.url}api/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
      body: JSON.stringify(body),
    });
    const envelope = (await response.json()) as
      { ok: true; value: T } | { ok: false; error: { message: string } };
    if (!envelope.ok) throw new Error(`${name}: ${envelope.error.message}`);
    return envelope.value;
  }

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-findings-'));
    const engagement = await call<{ id: string }>('engagements.create', {
      clientName: 'Northwind Analytics',
      aimsScope: 'Credit-scoring models',
      leadAssessor: 'R. Costa',
    });
    const assessment = await call<{ id: string }>('assessments.create', {
      engagementId: engagement.id,
      title: 'Stage 1 readiness',
    });
    assessmentId = assessment.id;
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('raises a finding on the Findings tab and lists it as F-001', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/findings`);
    await expect.poll(() => page.getByText('No findings yet').isVisible()).toBe(true);

    await page.getByRole('button', { name: 'New finding' }).click();
    const dialog = page.getByRole('dialog', { name: 'Raise a finding' });
    await dialog.getByLabel('Requirement').fill('6.1.2');
    await page.getByRole('option', { name: /6\.1\.2 AI risk assessment/ }).click();
    await dialog.getByLabel('Statement').fill('No AI risk assessment <b>exists</b>.');
    await dialog.getByLabel('Owner').fill('CISO');
    await dialog.getByRole('button', { name: 'Raise finding' }).click();

    const table = page.getByRole('table', { name: 'Findings' });
    await expect
      .poll(() => table.getByRole('cell', { name: 'F-001', exact: true }).isVisible())
      .toBe(true);
    await expect
      .poll(() => table.getByText('No AI risk assessment <b>exists</b>.').isVisible())
      .toBe(true);
    expect(await table.locator('b').count()).toBe(0);
    expect(await table.getByRole('cell', { name: '6.1.2 AI risk assessment' }).count()).toBe(1);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses an exclusion without justification, then saves one with it', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/soa`);
    const counter = page.getByTestId('soa-counter');
    await expect.poll(() => counter.textContent()).toBe('Decided 0 of 38');

    const row = page.getByRole('region', { name: /^A\.2\.3 / });
    await row.getByText('Excluded', { exact: true }).click();
    await row.getByRole('button', { name: 'Save A.2.3' }).click();
    await expect
      .poll(() => row.getByText(/Say why this control is excluded/).isVisible())
      .toBe(true);
    expect(await counter.textContent()).toBe('Decided 0 of 38');
    const rows = await call<{ ref: string; entry: unknown }[]>('soa.list', { assessmentId });
    expect(rows.find((r) => r.ref === 'A.2.3')?.entry).toBeNull();

    await row
      .getByLabel('Justification for A.2.3')
      .fill('The organisation has a single AI policy; no other policies touch AI.');
    await row.getByRole('button', { name: 'Save A.2.3' }).click();
    await expect.poll(() => counter.textContent()).toBe('Decided 1 of 38 · 1 excluded');
    await expect.poll(() => row.getByText(/^Saved /).isVisible()).toBe(true);
    const after = await call<{ ref: string; entry: { applicable: boolean } | null }[]>('soa.list', {
      assessmentId,
    });
    expect(after.find((r) => r.ref === 'A.2.3')?.entry?.applicable).toBe(false);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('disables raising findings once the assessment is final', async () => {
    await call('responses.save', {
      assessmentId,
      requirementId: `${FW}:4.1`,
      result: 'conformant',
    });
    await call('assessments.setStatus', { id: assessmentId, status: 'final' });
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/findings`);
    const create = page.getByRole('button', { name: 'New finding' });
    await expect.poll(() => create.isVisible()).toBe(true);
    expect(await create.isDisabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Edit F-001' }).isDisabled()).toBe(true);
    await page.close();
  });
});
