import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { barChartPng } from '../../electron/core/evidence/demo-files';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

describe('evidence in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  const dataDir = tempDir('assay-e2e-evidence-');
  const files = tempDir('assay-e2e-files-');

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    const created = await fetch(`${app.url}api/engagements.create`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
      body: JSON.stringify({
        clientName: 'Contoso AI',
        aimsScope: 'All models',
        leadAssessor: 'Lee',
      }),
    });
    expect(((await created.json()) as { ok: boolean }).ok).toBe(true);
    fs.writeFileSync(
      path.join(files, 'AI policy.md'),
      '# AI policy\n\nApproved.\n\n<img src=x onerror="window.hacked=1">\n',
    );
    fs.writeFileSync(path.join(files, 'bias chart.png'), barChartPng([0.3, 0.9, 0.5]));
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('uploads files, lists them, previews them as text and image, and runs nothing', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/evidence`);
    await expect.poll(() => page.getByText('No evidence here').isVisible()).toBe(true);

    await page
      .locator('input[type="file"]')
      .setInputFiles([path.join(files, 'AI policy.md'), path.join(files, 'bias chart.png')]);
    const policy = page.getByRole('button', { name: 'AI policy' });
    await expect.poll(() => policy.isVisible(), { timeout: 15_000 }).toBe(true);
    await expect
      .poll(() => page.getByRole('button', { name: 'bias chart' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText(/^Stored · /).count()).toBe(2);

    await policy.click();
    const drawer = page.getByRole('dialog', { name: 'AI policy' });
    await expect.poll(() => drawer.isVisible()).toBe(true);
    // The Markdown is rendered (its heading), its raw HTML is not.
    await expect
      .poll(() => drawer.getByRole('heading', { name: 'AI policy', level: 1 }).isVisible())
      .toBe(true);
    await expect.poll(() => drawer.getByText('Approved.').isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.evaluate('window.hacked')).toBeUndefined();

    // Link it to a requirement and see it under "Where used" and in the filter.
    await drawer.getByRole('combobox', { name: 'Link to requirement' }).fill('A.7.5');
    await page.getByRole('option', { name: /A\.7\.5/ }).click();
    await drawer.getByRole('button', { name: 'Link', exact: true }).click();
    await expect
      .poll(() => drawer.getByRole('table', { name: 'Where used' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: 'Close evidence details' }).click();

    await page.getByRole('button', { name: 'bias chart' }).click();
    const image = page.getByRole('dialog').getByRole('img', { name: 'bias chart' });
    await expect.poll(() => image.isVisible()).toBe(true);
    expect(await image.getAttribute('src')).toMatch(/^blob:/);
    expect(
      await image.evaluate((img) => (img as unknown as { naturalWidth: number }).naturalWidth),
    ).toBe(320);
    await page.getByRole('button', { name: 'Close evidence details' }).click();

    await page.getByRole('tab', { name: 'Request list' }).click();
    await expect
      .poll(() => page.getByText('70 requirements · evidence received for 1').isVisible())
      .toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csv = fs.readFileSync((await (await download).path()) ?? '', 'utf8');
    expect(csv).toContain('A.7.5,Data provenance');
    expect(problems).toEqual([]);
    await page.close();
  });

  it('refuses an empty file with a clear message and stores nothing', async () => {
    fs.writeFileSync(path.join(files, 'empty.txt'), '');
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/evidence`);
    await page.locator('input[type="file"]').setInputFiles(path.join(files, 'empty.txt'));
    await expect.poll(() => page.getByText(/"empty\.txt" is empty/).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'empty' }).count()).toBe(0);
    await page.close();
  });
  it('attaches a file to a requirement from its evidence panel and previews it', async () => {
    fs.writeFileSync(path.join(files, 'lineage.csv'), 'dataset,source\ncustomers,CRM export\n');
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/evidence`);
    await page.getByRole('combobox', { name: 'Requirement' }).fill('A.7.5');
    await page.getByRole('option', { name: /A\.7\.5/ }).click();
    const panel = page.getByLabel('Evidence for this requirement');
    await expect.poll(() => panel.isVisible()).toBe(true);
    await panel.locator('input[type="file"]').setInputFiles(path.join(files, 'lineage.csv'));
    // Listed on the requirement (the panel) and on the Evidence screen (the filtered table).
    await expect
      .poll(() => panel.getByRole('button', { name: 'lineage', exact: true }).isVisible(), {
        timeout: 15_000,
      })
      .toBe(true);
    await expect
      .poll(() =>
        page.getByRole('table', { name: 'Evidence items' }).getByText('lineage.csv').isVisible(),
      )
      .toBe(true);
    await panel.getByRole('button', { name: 'lineage', exact: true }).click();
    const drawer = page.getByRole('dialog', { name: 'lineage' });
    await expect.poll(() => drawer.getByText('customers,CRM export').isVisible()).toBe(true);
    await expect
      .poll(() =>
        drawer
          .getByText(/A\.7\.5/)
          .first()
          .isVisible(),
      )
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });
  it('cancels a large upload midway and keeps nothing of it', async () => {
    const big = path.join(files, 'huge export.bin');
    fs.closeSync(fs.openSync(big, 'w'));
    fs.truncateSync(big, 800 * 1024 * 1024);
    const call = async (command: string, body: unknown) =>
      (await (
        await fetch(`${app.url}api/${command}`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
          body: JSON.stringify(body),
        })
      ).json()) as { ok: boolean; value: { items?: number; ok?: boolean; tempFiles?: number } };
    const before = (await call('evidence.check', {})).value;
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/evidence`);
    await page.locator('input[type="file"]').setInputFiles(big);
    // Cancel once the bar shows bytes arriving.
    await expect
      .poll(() => page.getByText(/^Copying · [1-9][\d.]* (KB|MB)/).isVisible(), { timeout: 20_000 })
      .toBe(true);
    await page.getByRole('button', { name: 'Cancel huge export.bin' }).click();
    await expect.poll(() => page.getByText('Cancelled; nothing was kept.').isVisible()).toBe(true);
    await expect
      .poll(async () => (await call('evidence.check', {})).value)
      .toMatchObject({ ok: true, items: before.items, tempFiles: 0 });
    fs.rmSync(big);
    await page.close();
  });
});
