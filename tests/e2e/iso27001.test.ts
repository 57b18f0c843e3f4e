import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, seedSmallDemo, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

/** A client's SoA as consultants receive it: bare Annex A numbers, titles, words for status. */
const SOA = [
  'Ref,Control,Applicable,Status,Comments,Evidence',
  '5.1,Policies for information security,Yes,Implemented,Board approved 2025,AI policy (signed)',
  '5.20,Addressing information security within supplier agreements,Yes,Implemented,,Supplier certificate',
  '8.15,Logging,Yes,Not implemented,SIEM project starts in Q3,',
  '8.16,Monitoring activities,No,,Outsourced,',
].join('\n');

describe('reusing the client’s ISO/IEC 27001 sheet on the small demo', () => {
  let browser: Browser;
  let app: ServedApp;
  let assessmentId = '';

  beforeAll(async () => {
    const dataDir = tempDir('assay-e2e-iso27001-');
    seedSmallDemo(dataDir);
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    assessmentId = (await call(app, 'assessments.list', {}))[0]?.id ?? '';
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  const card = (page: Page, name: RegExp) => page.getByRole('article', { name });

  it('imports the sheet through the mapping preview, suggests answers and records one only when confirmed', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/iso27001`);
    const start = page.getByRole('button', { name: 'Import 27001 sheet' });
    await expect.poll(() => start.isVisible()).toBe(true);
    await start.click();
    const dialog = page.getByRole('dialog', { name: /ISO\/IEC 27001 sheet/ });
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'northwind-soa.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(SOA),
    });
    await expect.poll(() => dialog.getByText('4 rows are ready to import.').isVisible()).toBe(true);
    // Bare numbers read as Annex A controls; the preview says what each row was matched to.
    const preview = dialog.getByRole('table', { name: 'Import preview' });
    expect(await preview.getByRole('cell', { name: 'A.5.20', exact: true }).isVisible()).toBe(true);
    expect(
      await dialog.getByRole('combobox', { name: 'Numbers without “A.” are' }).inputValue(),
    ).toBe('Annex A controls (5.1 is A.5.1)');
    await dialog.getByRole('button', { name: 'Import 4 rows' }).click();
    await expect.poll(() => dialog.count()).toBe(0);

    // 42001 A.6.2.8 (event logs) ← A.8.15, which the sheet says is not implemented.
    const logs = card(page, /^A\.6\.2\.8 /);
    await expect.poll(() => logs.isVisible()).toBe(true);
    expect(await logs.getByText('Suggested from 27001:').isVisible()).toBe(true);
    expect(await logs.getByText('Nonconformant', { exact: true }).isVisible()).toBe(true);
    const before = (await call(app, 'responses.list', { assessmentId })).find((r) =>
      r.requirementId.endsWith(':A.6.2.8'),
    );
    expect(before?.result).not.toBe('nonconformant');

    // The interview shows the suggestion beside the answer, marked as such and not recorded.
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/interview/A.6.2.8`);
    const hint = page.getByLabel('Suggested from 27001');
    await expect.poll(() => hint.isVisible()).toBe(true);
    expect(await hint.getByText('Nonconformant', { exact: true }).isVisible()).toBe(true);
    await hint.getByRole('link', { name: 'confirm it on the ISO/IEC 27001 tab' }).click();
    await expect.poll(() => logs.isVisible()).toBe(true);
    // Beside an explanation that wraps, the button still shows its whole label (it was squeezed).
    const confirmButton = logs.getByRole('button', { name: 'Confirm…' });
    await page.setViewportSize({ width: 1024, height: 1000 });
    await expect.poll(() => confirmButton.isVisible()).toBe(true);
    // A string, run in the page: these tests are typed for Node, without the DOM's types.
    const [shown, needed] = await page.evaluate<[number, number]>(`(() => {
      const b = [...document.querySelectorAll('button')].find((x) => x.textContent === 'Confirm…');
      return [b.getBoundingClientRect().width, b.querySelector('.mantine-Button-label').scrollWidth];
    })()`);
    await page.setViewportSize({ width: 1440, height: 1000 });
    expect(shown).toBeGreaterThan(needed);
    await confirmButton.click();
    const confirm = page.getByRole('dialog', { name: /Record Nonconformant for A\.6\.2\.8/ });
    await confirm.getByRole('button', { name: 'Record Nonconformant' }).click();
    await expect.poll(() => confirm.count()).toBe(0);
    await expect.poll(() => logs.getByText('Answer: Nonconformant').isVisible()).toBe(true);
    const after = (await call(app, 'responses.list', { assessmentId })).find((r) =>
      r.requirementId.endsWith(':A.6.2.8'),
    );
    expect(after?.result).toBe('nonconformant');
    expect(after?.notes).toMatch(
      /confirmed from the client's ISO\/IEC 27001 sheet northwind-soa\.csv/,
    );
    expect(problems).toEqual([]);
    await page.close();
  });

  it('offers the evidence the sheet names and links it to the 42001 requirement', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/assessments/${assessmentId}/iso27001`);
    const filter = page.getByRole('radiogroup', { name: 'Which requirements to show' });
    await expect.poll(() => filter.isVisible()).toBe(true);
    await filter.getByText('Naming evidence in the vault').click();
    // 42001 A.10.2 (allocating responsibilities with suppliers) ← A.5.20, which names the certificate.
    const suppliers = card(page, /^A\.10\.2 /);
    await expect.poll(() => suppliers.isVisible()).toBe(true);
    await suppliers.getByRole('button', { name: 'Link “Supplier certificate” to A.10.2' }).click();
    await expect
      .poll(() => suppliers.getByText('Supplier certificate linked to A.10.2').isVisible())
      .toBe(true);
    const linked = await call(app, 'evidence.forRequirement', {
      engagementId: (await call(app, 'assessments.list', {}))[0]?.engagementId ?? '',
      requirementId: 'iso-iec-42001-2023:A.10.2',
    });
    expect(linked.map((i) => i.title)).toContain('Supplier certificate');
    expect(problems).toEqual([]);
    await page.close();
  });
});
