import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { call } from './api';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

/**
 * An internal audit programme made from nothing on the screen: the programme created through its
 * dialog (a period that ends before it starts refused with the reason), then an audit planned in
 * its drawer, with the auditor who owns part of the scope flagged and the coverage map counting
 * the planned requirements.
 */
describe('planning an internal audit programme in the browser', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let engagementId = '';
  const dataDir = tempDir('assay-e2e-audit-plan-');

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Fabrikam Logistics',
      aimsScope: 'Route planning and driver scheduling models',
      leadAssessor: 'Dana Okafor',
    });
    engagementId = engagement.id;
    page = await browser.newPage();
    problems = watchPage(page);
    await page.goto(app.openUrl);
    await page.goto(`${app.url}#/audits/${engagementId}`);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  it('creates a programme from its dialog, refusing a period that ends before it starts', async () => {
    await expect.poll(() => page.getByText('No audit programme yet').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'New programme' }).click();
    const dialog = page.getByRole('dialog', { name: 'New internal audit programme' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await dialog.getByLabel('Title').fill('Audit programme 2027–2029');
    await dialog.getByLabel('Period from').fill('2027-01-01');
    await dialog.getByLabel('Period to').fill('2026-12-31');
    await dialog.getByRole('button', { name: 'Create programme' }).click();
    await expect
      .poll(() => dialog.getByText(/must not be before the start/).isVisible())
      .toBe(true);
    expect(await call(app, 'audits.programmes', { engagementId })).toEqual([]);

    await dialog.getByLabel('Period to').fill('2029-12-31');
    await dialog.getByRole('button', { name: 'Create programme' }).click();
    await expect.poll(() => dialog.isVisible()).toBe(false);
    await expect.poll(() => page.getByText('2027-01-01 to 2029-12-31').isVisible()).toBe(true);
    await expect
      .poll(() => page.getByRole('table', { name: 'Audits of the programme' }).count())
      .toBe(0);
    const coverage = page.getByRole('region', { name: 'Coverage map' });
    await expect.poll(() => coverage.getByText('Planned: 0').isVisible()).toBe(true);
    expect(problems).toEqual([]);
  });

  it('plans an audit in its drawer: the scope lands on the coverage map and an auditor who owns part of it is flagged', async () => {
    await page.getByRole('button', { name: 'Plan an audit' }).click();
    const drawer = page.getByRole('dialog', { name: 'New internal audit' });
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await drawer.getByLabel('Title').fill('Leadership and policy');
    const covered = drawer.getByLabel('Requirements covered');
    for (const ref of ['5.2 AI policy', '5.3 Roles']) {
      await covered.fill(ref);
      await page.getByRole('option', { name: new RegExp(`^${ref.replace('.', '\\.')}`) }).click();
    }
    // Leaving the field closes its list, as a person tabbing on would.
    await covered.press('Tab');
    await expect.poll(() => page.getByRole('listbox').count()).toBe(0);
    await drawer.getByLabel('Planned for').fill('2027-03-15');
    await drawer.getByRole('button', { name: 'Add auditor' }).click();
    await drawer.getByRole('textbox', { name: 'Auditor 1', exact: true }).fill('Samuel Osei');
    const owns = drawer.getByLabel('Owns');
    await owns.fill('5.2');
    await owns.press('Enter');
    await expect.poll(() => drawer.getByText('Samuel Osei owns 5.2').isVisible()).toBe(true);
    await drawer.getByRole('button', { name: 'Plan audit' }).click();
    await expect.poll(() => drawer.isVisible()).toBe(false);

    const audits = page.getByRole('table', { name: 'Audits of the programme' });
    const row = audits.getByRole('row', { name: /Leadership and policy/ });
    await expect.poll(() => row.getByText('Independence to check').isVisible()).toBe(true);
    await expect.poll(() => row.getByText('5.2, 5.3').isVisible()).toBe(true);
    const coverage = page.getByRole('region', { name: 'Coverage map' });
    await expect.poll(() => coverage.getByText('Planned: 2').isVisible()).toBe(true);

    const programmes = await call(app, 'audits.programmes', { engagementId });
    expect(programmes).toHaveLength(1);
    const [audit] = await call(app, 'audits.list', { programmeId: programmes[0]?.id ?? '' });
    expect(audit).toMatchObject({
      title: 'Leadership and policy',
      status: 'planned',
      plannedOn: '2027-03-15',
      auditors: [{ name: 'Samuel Osei', owns: ['5.2'] }],
      requirementIds: ['iso-iec-42001-2023:5.2', 'iso-iec-42001-2023:5.3'],
    });
    expect(problems).toEqual([]);
  });
});
