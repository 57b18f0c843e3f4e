import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

/** Picks an option of a Mantine Select; a MultiSelect's list stays open, so Escape closes it. */
async function pick(page: Page, label: string, option: string, multi?: { search?: string }) {
  // Exact, allowing the asterisk Mantine adds to a required field's label.
  const name = new RegExp(`^${label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}( \\*)?$`);
  const input = page.getByLabel(name).first();
  await input.click({ force: true });
  if (multi?.search) await input.fill(multi.search);
  await page.getByRole('option', { name: option }).first().click();
  if (multi) await page.keyboard.press('Escape');
}

describe('risks in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let engagementId = '';

  const call = async <T>(command: string, body: unknown): Promise<T> => {
    const r = await fetch(`${app.url}api/${command}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${app.token}` },
      body: JSON.stringify(body),
    });
    const json = (await r.json()) as { ok: boolean; value: T };
    if (!json.ok) throw new Error(`${command}: ${JSON.stringify(json)}`);
    return json.value;
  };

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-risks-'));
    const e = await call<{ id: string }>('engagements.create', {
      clientName: 'Northwind Lending',
      aimsScope: 'CV screening',
      leadAssessor: 'Dana Okafor',
    });
    engagementId = e.id;
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('adds an AI system and a risk relying on two Annex A controls, shown in register and heat map', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/systems`);
    await expect.poll(() => page.getByText('No AI systems yet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Add AI system' }).click();
    const drawer = page.getByRole('dialog');
    await drawer.getByLabel('Name').fill('CV screening tool <b>x</b>');
    await pick(page, "Organisation's role", 'AI customer or user');
    await pick(
      page,
      'Data categories',
      'Special-category personal data (health, ethnicity, beliefs …)',
    );
    await drawer.getByRole('button', { name: 'Add AI system' }).click();
    await expect
      .poll(() => page.getByRole('button', { name: 'CV screening tool <b>x</b>' }).isVisible())
      .toBe(true);

    await page.getByRole('tab', { name: 'Risk register' }).click();
    await expect.poll(() => page.getByText('No risks recorded yet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'New risk' }).click();
    await page.getByRole('dialog').getByLabel('Title').fill('Ranking penalises career gaps');
    await pick(page, 'AI systems concerned', 'CV screening tool <b>x</b>', {});
    await pick(page, 'Risk source (Annex C)', 'C.3.4 Risk sources related to machine learning');
    await pick(page, 'Likelihood', '4 · Likely');
    await pick(page, 'Impact', '5 · Severe');
    await pick(page, 'Treatment option', 'Modify (reduce with controls)');
    const controls = 'Annex A controls the treatment relies on';
    await pick(
      page,
      controls,
      'A.5.4 Assessing AI system impact on individuals or groups of individuals',
      { search: 'A.5.4' },
    );
    await pick(page, controls, 'A.6.2.4 AI system verification and validation', {
      search: 'A.6.2.4',
    });
    await page.getByRole('button', { name: 'Add risk' }).click();

    const table = page.getByRole('table', { name: 'Risk register' });
    await expect
      .poll(() => table.getByRole('button', { name: 'Open R-001' }).isVisible())
      .toBe(true);
    await expect.poll(() => table.getByText('A.5.4, A.6.2.4').isVisible()).toBe(true);
    const cell = page.getByRole('button', {
      name: /^Inherent risk: likelihood 4 .*impact 5 .*, 1 risk$/,
    });
    await expect.poll(() => cell.isVisible()).toBe(true);
    await cell.click();
    await expect.poll(() => page.getByText('Showing 1 of 1 risks').isVisible()).toBe(true);
    await page.getByRole('button', { name: /^Inherent risk: likelihood 1 .*impact 1 / }).click();
    await expect
      .poll(() => page.getByText('No risk matches these filters.').isVisible())
      .toBe(true);

    const byControl = await call<Record<string, { ref: string }[]>>('risks.byControl', {
      engagementId,
    });
    expect(Object.keys(byControl).sort()).toEqual([
      'iso-iec-42001-2023:A.5.4',
      'iso-iec-42001-2023:A.6.2.4',
    ]);
    expect(await page.locator('b').count()).toBe(0);

    // The Statement of Applicability shows both controls as justified by that risk.
    const assessment = await call<{ id: string }>('assessments.create', {
      engagementId,
      title: 'Readiness 2026',
    });
    await page.goto(`${app.openUrl}#/assessments/${assessment.id}/soa`);
    for (const control of [
      'A.5.4 Assessing AI system impact on individuals or groups of individuals',
      'A.6.2.4 AI system verification and validation',
    ]) {
      const row = page.getByRole('region', { name: control });
      await expect
        .poll(() => row.getByText('R-001 Ranking penalises career gaps').isVisible())
        .toBe(true);
      await expect.poll(() => row.getByText(/Selected to treat risk R-001/).isVisible()).toBe(true);
    }
    const untouched = page.getByRole('region', { name: 'A.2.2 AI policy' });
    expect(await untouched.getByText('R-001').count()).toBe(0);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('filters the register by text and groups it by AI system', async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/register`);
    await page.getByLabel('Search risks').fill('career');
    await expect.poll(() => page.getByText('Showing 1 of 1 risks').isVisible()).toBe(true);
    await pick(page, 'Group by', 'AI system');
    await expect
      .poll(() =>
        page.getByRole('button', { name: 'Collapse CV screening tool <b>x</b>' }).isVisible(),
      )
      .toBe(true);
    expect(problems).toEqual([]);
    await page.close();
  });

  it('keeps the reference column and the group names in view when the register scrolls sideways on a laptop screen', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const problems = watchPage(page);
    await page.goto(`${app.openUrl}#/risks/register`);
    const table = page.getByRole('table', { name: 'Risk register' });
    const ref = table.getByRole('button', { name: 'Open R-001' });
    await expect.poll(() => ref.isVisible()).toBe(true);
    const box = page.locator('.risk-register-scroll');
    const scroller = "document.querySelector('.risk-register-scroll')";
    const left = async (what: typeof ref) => (await what.boundingBox())?.x ?? Number.NaN;
    const scrollable = Number(
      await page.evaluate(`${scroller}.scrollWidth - ${scroller}.clientWidth`),
    );
    expect(scrollable).toBeGreaterThan(100); // the register is wider than this screen
    const viewLeft = await left(box);
    const toTheEnd = () => page.evaluate(`${scroller}.scrollLeft = ${scroller}.scrollWidth`);
    await toTheEnd();
    await expect.poll(() => page.evaluate(`${scroller}.scrollLeft`)).toBe(scrollable);
    // Scrolled to its far end, the reference and its heading are still in view, on top.
    expect(await left(ref)).toBeGreaterThanOrEqual(viewLeft);
    expect(await left(table.getByRole('columnheader').first())).toBeGreaterThanOrEqual(viewLeft);
    const at = await ref.boundingBox();
    const onTop = await page.evaluate(
      `document.elementFromPoint(${(at?.x ?? 0) + 4}, ${(at?.y ?? 0) + (at?.height ?? 0) / 2})?.closest('button')?.getAttribute('aria-label')`,
    );
    expect(onTop).toBe('Open R-001');

    await pick(page, 'Group by', 'AI system');
    const groupName = page.getByRole('button', { name: /^Collapse / }).first();
    await expect.poll(() => groupName.isVisible()).toBe(true);
    await toTheEnd();
    expect(await left(groupName)).toBeGreaterThanOrEqual(viewLeft);
    expect(problems).toEqual([]);
    await page.close();
  });

  it("says when a screen's code could not be loaded, and loads it when asked again", async () => {
    const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
    // The server stopped, or the connection dropped, just as the screen was opened.
    let refuse = true;
    await page.route(/\/assets\/RisksScreen-[^/]+\.js$/, (route) =>
      refuse ? route.abort('connectionrefused') : route.continue(),
    );
    await page.goto(`${app.openUrl}#/risks/register`);
    const alert = page.getByRole('alert');
    await expect.poll(() => alert.textContent()).toContain('This screen could not be loaded');
    refuse = false;
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect
      .poll(() => page.getByRole('tab', { name: 'Risk register' }).isVisible())
      .toBe(true);
    await page.close();
  });
});
