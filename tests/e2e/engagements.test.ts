import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

describe('engagements in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  const dataDir = tempDir('assay-e2e-');

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(dataDir);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('creates an engagement that survives a reload and a server restart', async () => {
    const page = await browser.newPage();
    const problems = watchPage(page);
    await page.goto(app.openUrl);
    await expect.poll(() => page.getByText('No engagements yet').isVisible()).toBe(true);
    expect(page.url()).not.toContain('token=');

    await page.getByRole('button', { name: 'New engagement' }).click();
    await page
      .getByLabel('Client organisation')
      .fill('Northwind Analytics <img src=x onerror=alert(1)>');
    await page
      .getByLabel('AIMS scope statement')
      .fill('Credit-scoring and fraud models of the retail bank.');
    await page.getByRole('combobox', { name: 'Sites' }).fill('Leeds');
    await page.keyboard.press('Enter');
    await page.getByLabel('Lead assessor').fill('Dana Okafor');
    await page.getByLabel('Start date').fill('2026-12-01');
    await page.getByLabel('End date').fill('2026-12-05');
    await page.getByRole('button', { name: 'Create engagement' }).click();

    const heading = page.getByRole('heading', {
      name: 'Northwind Analytics <img src=x onerror=alert(1)>',
    });
    await expect.poll(() => heading.isVisible()).toBe(true);
    expect(await page.locator('img[src="x"]').count()).toBe(0);

    await page.reload();
    await expect.poll(() => heading.isVisible()).toBe(true);

    await page.goto(`${app.url}#/engagements`);
    await expect
      .poll(() => page.getByRole('link', { name: /Northwind Analytics/ }).isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();

    expect(await app.stop()).toBe(0);
    app = await serveApp(dataDir);
    const again = await browser.newPage();
    await again.goto(`${app.openUrl}#/engagements`);
    await expect
      .poll(() => again.getByRole('link', { name: /Northwind Analytics/ }).isVisible())
      .toBe(true);
    await again.close();
  });

  it('refuses an engagement without its required fields, naming them', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/engagements/new`);
    await page.getByRole('button', { name: 'Create engagement' }).click();
    await expect.poll(() => page.getByText('Name the client organisation.').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Name the lead assessor.').isVisible()).toBe(true);
    await page.close();
  });

  it('edits and deletes an engagement after confirmation', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/engagements`);
    await page.getByRole('link', { name: /Northwind Analytics/ }).click();
    await page.getByRole('button', { name: 'Edit' }).click();
    await page.getByLabel('Client organisation').fill('Northwind Bank');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Northwind Bank' }).isVisible())
      .toBe(true);

    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Keep it' }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Northwind Bank' }).isVisible())
      .toBe(true);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('button', { name: 'Delete engagement' }).click();
    await expect.poll(() => page.getByText('No engagements yet').isVisible()).toBe(true);
    await page.close();
  });

  it('answers a malformed command with a VALIDATION error naming the field and keeps serving', async () => {
    const call = (body: unknown) =>
      fetch(`${app.url}api/engagements.create`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
        body: JSON.stringify(body),
      }).then(
        (r) => r.json() as Promise<{ ok: boolean; error?: { code: string; message: string } }>,
      );
    const bad = await call({ clientName: 42, aimsScope: 'x', leadAssessor: 'y' });
    expect(bad.ok).toBe(false);
    expect(bad.error?.code).toBe('VALIDATION');
    expect(bad.error?.message).toContain('clientName');
    const good = await call({ clientName: 'Still serving', aimsScope: 'x', leadAssessor: 'y' });
    expect(good.ok).toBe(true);
  });

  it('browses the catalog and finds a control by words', async () => {
    const page = await browser.newPage();
    await page.goto(`${app.openUrl}#/catalog`);
    await page.getByLabel('Search requirements').fill('data provenance');
    await page.getByRole('link', { name: /A\.7\.5/ }).click();
    await expect
      .poll(() => page.getByRole('heading', { name: 'Data provenance' }).isVisible())
      .toBe(true);
    await expect.poll(() => page.getByText('Questions to ask').isVisible()).toBe(true);
    await page.close();
  });
});
