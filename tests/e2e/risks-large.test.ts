/**
 * A register of 10,000 risks in the browser: its first rows are drawn before the rest is read,
 * then it holds every risk; it stays a table screen readers can count and place rows in (though
 * only the rows in view are drawn); the search finds what it should as the text grows and
 * shrinks. Needs `npx electron-vite build`.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { Risk } from '../../shared/contracts/risks';
import { seedRiskDemo } from '../../electron/core/risks';
import { startTestCore, tempDir } from '../helpers/core';
import { caller, newEngagement, seeded } from '../helpers/risk-core';
import { axeScan, blocking, describeFindings } from './axe';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const SHOTS = '/work/coord/shots';

let browser: Browser;
let app: ServedApp;
let register: Risk[] = [];

beforeAll(async () => {
  const dataDir = tempDir('assay-e2e-risks-large-');
  const core = await startTestCore(dataDir);
  const engagementId = await newEngagement(core);
  seedRiskDemo(core.ctx, { engagementId, size: 'large', rng: seeded(42) });
  register = await caller(core).ok('risks.list', { engagementId });
  core.close();
  browser = await launchBrowser();
  app = await serveApp(dataDir);
});

afterAll(async () => {
  await app?.stop();
  await browser?.close();
});

/** What the register's search should let through: the same fields, lower-cased, as a substring. */
function expectedMatches(text: string): number {
  const needle = text.trim().toLowerCase();
  return register.filter((r) =>
    [r.ref, r.title, r.description, r.owner, r.treatmentPlan, r.controlRefs.join(' ')]
      .join('\n')
      .toLowerCase()
      .includes(needle),
  ).length;
}

const countText = (page: Page) => page.getByTestId('risk-count').textContent();
const showing = (n: number) => `Showing ${n.toLocaleString('en')} of 10,000 risks`;

describe('a register of 10,000 risks', () => {
  it('draws, then holds every risk, counted and placed for screen readers', async () => {
    // axe needs a page of its own context.
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/register`);
    await expect.poll(() => countText(page), { timeout: 60_000 }).toBe(showing(10_000));
    const table = page.getByRole('table', { name: 'Risk register' });
    expect(await table.getAttribute('aria-rowcount')).toBe('10001');
    const first = table.locator('tbody tr.risk-row').first();
    expect(await first.getAttribute('aria-rowindex')).toBe('2');
    expect(await first.getByRole('button', { name: 'Open R-001' }).count()).toBe(1);
    // Far fewer rows drawn than the register holds, each with its place in the whole.
    expect(await table.locator('tr.risk-row').count()).toBeLessThan(100);

    const scrollTo = (top: string) =>
      page.evaluate(`document.querySelector('.risk-register-scroll').scrollTop = ${top}`);
    await scrollTo('1e9');
    const last = table.getByRole('button', { name: 'Open R-10000' });
    await expect.poll(() => last.isVisible()).toBe(true);
    const lastRow = table.locator('tr.risk-row', {
      has: page.getByRole('button', { name: 'Open R-10000' }),
    });
    expect(await lastRow.getAttribute('aria-rowindex')).toBe('10001');

    // Scanned at the top: at the bottom a row half under the sticky header is half hidden, which
    // axe rightly counts against that row's button while it stays there.
    await scrollTo('0');
    await expect.poll(() => first.isVisible()).toBe(true);
    expect(describeFindings(blocking(await axeScan(page)))).toEqual([]);
    fs.mkdirSync(SHOTS, { recursive: true });
    await page.screenshot({ path: path.join(SHOTS, '15-register-10k.png') });
    expect(problems).toEqual([]);
    await context.close();
  });

  it('finds what it should as the search grows and shrinks', async () => {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/register`);
    await expect.poll(() => countText(page), { timeout: 60_000 }).toBe(showing(10_000));
    const search = page.getByLabel('Search risks');
    await search.click();
    // Typed a key at a time (each narrows the last answer), then taken back (each widens it).
    for (const text of ['p', 'po', 'pos', 'post', 'postc', 'pos', 'p', 'model', 'chat', '']) {
      await search.fill(text);
      const n = text ? expectedMatches(text) : 10_000;
      expect(n).toBeGreaterThan(0);
      await expect.poll(() => countText(page)).toBe(showing(n));
    }
    // Nothing matches, then the search is cleared: the whole register is back, drawn.
    await search.fill('no such risk anywhere');
    await expect.poll(() => countText(page)).toBe(showing(0));
    await expect
      .poll(() => page.getByText('No risk matches these filters.').isVisible())
      .toBe(true);
    expect(describeFindings(blocking(await axeScan(page)))).toEqual([]);
    await search.fill('');
    await expect.poll(() => countText(page)).toBe(showing(10_000));
    await expect
      .poll(() => page.getByRole('button', { name: 'Open R-001', exact: true }).isVisible())
      .toBe(true);
    await search.fill('R-1000');
    await expect.poll(() => countText(page)).toBe(showing(expectedMatches('R-1000')));
    const table = page.getByRole('table', { name: 'Risk register' });
    await expect
      .poll(() => table.getByRole('button', { name: 'Open R-1000', exact: true }).isVisible())
      .toBe(true);
    expect(problems).toEqual([]);
    await context.close();
  });
});
