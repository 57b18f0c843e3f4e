import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { tempDir } from '../helpers/core';
import { call } from './api';
import { axeScan, blocking, describeFindings } from './axe';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const PASS = 'passphrase for the colleague';

/**
 * Export from the engagement screen of one browser-mode instance, import on the engagements
 * screen of another (its own data directory): the engagement arrives, same id, same client.
 */
describe('exchange files in the app', () => {
  let browser: Browser;
  let a: ServedApp;
  let b: ServedApp;
  let engagementId = '';

  beforeAll(async () => {
    browser = await launchBrowser();
    a = await serveApp(tempDir('assay-e2e-exchange-a-'));
    b = await serveApp(tempDir('assay-e2e-exchange-b-'));
    engagementId = (
      await call(a, 'engagements.create', {
        clientName: 'Contoso Insurance',
        aimsScope: 'Claims triage model',
        leadAssessor: 'Dana Okafor',
      })
    ).id;
  }, 120_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await browser?.close();
  });

  async function open(app: ServedApp, hash: string): Promise<{ page: Page; problems: string[] }> {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      acceptDownloads: true,
    });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = watchPage(page);
    await page.goto(app.openUrl);
    await page.evaluate(`window.location.hash = '${hash}'`);
    return { page, problems };
  }

  it('exports with progress to a file, and the other instance imports it', async () => {
    const { page, problems } = await open(a, `#/engagements/${engagementId}`);
    await page.getByRole('button', { name: 'Export for a colleague…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Export an exchange file' });
    await dialog.waitFor();
    expect(describeFindings(blocking(await axeScan(page, '[role="dialog"]')))).toEqual([]);
    await dialog.getByLabel('Passphrase', { exact: true }).fill(PASS);
    await dialog.getByLabel('Repeat the passphrase').fill(PASS);
    const download = page.waitForEvent('download');
    await dialog.getByRole('button', { name: 'Export' }).click();
    const file = await (await download).path();
    await dialog.getByText(/^Saved .*\.assayx/).waitFor();

    const other = await open(b, '#/engagements');
    await other.page.getByRole('button', { name: 'Import an exchange file…' }).click();
    const importer = other.page.getByRole('dialog', { name: 'Import an exchange file' });
    await importer.waitFor();
    expect(describeFindings(blocking(await axeScan(other.page, '[role="dialog"]')))).toEqual([]);
    await importer.locator('input[type="file"]').setInputFiles(file);
    await importer.getByLabel('Passphrase of the file').fill('not the passphrase');
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByText('Nothing was changed').waitFor();
    await importer.getByLabel('Passphrase of the file').fill(PASS);
    await importer.getByRole('button', { name: 'Import' }).click();
    await importer.getByText('A new engagement here.').waitFor();
    await importer.getByRole('link', { name: 'Open the engagement' }).click();
    await other.page.getByRole('heading', { name: 'Contoso Insurance' }).waitFor();
    const got = await call(b, 'engagements.get', { id: engagementId });
    expect(got.clientName).toBe('Contoso Insurance');
    expect([...problems, ...other.problems]).toEqual([]);
  }, 180_000);
});
