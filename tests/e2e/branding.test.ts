import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';

const logoSvg = Buffer.from(
  '<svg xmlns="http://www.w3.org/2000/svg" width="200" height="80"><rect width="80" height="80" fill="#155795"/></svg>',
);

describe('report branding in Settings', () => {
  let browser: Browser;
  let app: ServedApp;

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-branding-'));
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('refuses a pale accent before saving, saves the branding and sets an SVG logo as a PNG', async () => {
    const page = await browser.newPage({ viewport: { width: 1400, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/settings`);
    await page.getByLabel('Consultancy name').fill('Okafor Assurance');
    const accent = page.getByRole('textbox', { name: 'Accent colour' });
    await accent.fill('#f6c453');
    await expect
      .poll(() => page.getByText(/reads at 1\.\d:1 against white/).isVisible())
      .toBe(true);
    const save = page.getByRole('button', { name: 'Save branding' });
    expect(await save.isDisabled()).toBe(true);
    await accent.fill('#155795');
    await page.getByLabel('Disclaimer').fill('Based on the evidence seen.');
    await expect.poll(() => save.isEnabled()).toBe(true);
    await save.click();
    await expect
      .poll(() => page.getByText('Branding saved; the next report carries it.').isVisible())
      .toBe(true);
    const chooser = page.waitForEvent('filechooser');
    await page.getByRole('button', { name: 'Choose logo' }).click();
    await (
      await chooser
    ).setFiles({ name: 'logo.svg', mimeType: 'image/svg+xml', buffer: logoSvg });
    await expect
      .poll(() => page.getByRole('img', { name: /Logo of Okafor Assurance/ }).isVisible())
      .toBe(true);
    const saved = await call(app, 'branding.get', {});
    expect(saved).toMatchObject({
      consultancyName: 'Okafor Assurance',
      accentColour: '#155795',
      disclaimer: 'Based on the evidence seen.',
      logo: { source: 'svg', width: 200, height: 80 },
    });
    expect(problems).toEqual([]);
    await page.close();
  });
});
