import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, seedSmallDemo, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';
import { AxeTally, axeScan, blocking, describeFindings } from './axe';

/**
 * Every screen and dialog of the small demo, checked with axe-core's WCAG 2.2 A/AA rules at the
 * laptop size consultants work at. A serious or critical violation fails; every count is kept for
 * the report (ASSAY_AXE_REPORT=file.json).
 */
describe('accessibility of every screen and dialog on the small demo', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let assessmentId = '';
  let engagementId = '';
  const tally = new AxeTally();

  beforeAll(async () => {
    const dataDir = tempDir('assay-e2e-a11y-');
    seedSmallDemo(dataDir);
    browser = await launchBrowser();
    app = await serveApp(dataDir);
    const assessment = (await call(app, 'assessments.list', {}))[0];
    assessmentId = assessment?.id ?? '';
    engagementId = assessment?.engagementId ?? '';
    // A context of its own: axe-core finishes its run in a blank page it opens beside this one.
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    // Transitions off (the theme honours the setting): axe must not measure a dialog mid-fade.
    await page.emulateMedia({ reducedMotion: 'reduce' });
    problems = watchPage(page);
    await page.goto(app.openUrl);
  });
  afterAll(async () => {
    tally.write();
    await app?.stop();
    await browser?.close();
  });

  const visible = (locator: Locator) => expect.poll(() => locator.first().isVisible()).toBe(true);

  async function open(hash: string, ready: Locator): Promise<void> {
    await page.goto(`${app.url}#/${hash}`);
    await visible(ready);
    // Lazy screens and charts settle after their data arrives.
    await page.waitForLoadState('networkidle');
  }

  /** Scans the page (or the open dialog) and fails softly, so one run names every problem. */
  async function check(where: string, within?: string): Promise<void> {
    const findings = await axeScan(page, within);
    tally.add(where, findings);
    expect.soft(describeFindings(blocking(findings)), where).toEqual([]);
  }

  async function checkDialog(where: string, opener: Locator, name?: string | RegExp) {
    await opener.click();
    const dialog = page.getByRole('dialog', name ? { name } : {});
    await visible(dialog);
    await check(where, '[role="dialog"]');
    await page.keyboard.press('Escape');
    await expect.poll(() => dialog.count()).toBe(0);
  }

  const heading = (name: string | RegExp) => page.getByRole('heading', { name });
  const button = (name: string | RegExp) => page.getByRole('button', { name }).first();

  it('Engagements: the list, a new engagement, an engagement, its dialogs', async () => {
    await open('engagements', page.getByRole('link', { name: /Northwind Lending/ }));
    await check('Engagements');
    await open('engagements/new', button('Create engagement'));
    await check('Engagements › new engagement');
    await open(`engagements/${engagementId}`, heading(/Northwind Lending/));
    await check('Engagements › engagement');
    await checkDialog('Engagements › new assessment dialog', button('New assessment'));
    await checkDialog('Engagements › delete confirmation', button('Delete'));
    await open('assessments', heading('Assessments'));
    await check('Assessments');
    // With conflicts it is scanned in merge.test.ts; here, what it shows when all is decided.
    await open(`merge/${engagementId}`, heading('Nothing to decide'));
    await check('Engagements › merge conflicts (none open)');
  });

  it('Interview: the guided interview and its palette, history and shortcuts', async () => {
    await open(
      `assessments/${assessmentId}/interview`,
      page.getByRole('radio', { name: /Conformant/ }),
    );
    await check('Interview');
    await checkDialog('Interview › keyboard shortcuts', button('Keyboard shortcuts'));
    await checkDialog('Interview › history', button('History'));
    await checkDialog('Interview › go to requirement', button('Go to requirement'));
    await open(`assessments/${assessmentId}/sessions`, button('Record session'));
    await check('Interview › sessions');
    await checkDialog('Interview › record a session', button('Record session'));
  });

  it('Findings: the list and the finding dialog', async () => {
    await open(`assessments/${assessmentId}/findings`, button('New finding'));
    await check('Findings');
    await checkDialog('Findings › new finding', button('New finding'));
  });

  it('SoA: the Statement of Applicability', async () => {
    await open(`assessments/${assessmentId}/soa`, page.getByText(/Decided \d+ of \d+/));
    await check('SoA');
    await open('soa', heading('Statement of Applicability'));
    await check('SoA › pick an assessment');
  });

  it('Documented information: the register and the record drawer', async () => {
    await open(
      `assessments/${assessmentId}/documents`,
      page.getByRole('table', { name: 'Mandatory documented information' }),
    );
    await check('Documented information');
    await checkDialog('Documented information › record', button(/^(Edit|Record) AI policy$/));
  });

  it('Readiness: the verdict, documented information and charts', async () => {
    await open(`assessments/${assessmentId}/readiness`, page.getByLabel('Verdict'));
    await check('Readiness');
    await open(`assessments/${assessmentId}/settings`, heading(/Northwind|readiness/i));
    await check('Readiness › assessment settings');
  });

  it('Other frameworks: the EU AI Act view, NIST AI RMF coverage and ISO/IEC 27001 reuse', async () => {
    await open(
      `assessments/${assessmentId}/eu-ai-act`,
      page.getByLabel('Obligations ISO/IEC 42001 helps with'),
    );
    await check('EU AI Act');
    await open(`assessments/${assessmentId}/nist`, page.getByLabel('NIST AI RMF coverage chart'));
    await check('NIST AI RMF coverage');
    await open(`assessments/${assessmentId}/iso27001`, button('Import 27001 sheet'));
    await check('ISO/IEC 27001 › no sheet yet');
    await button('Import 27001 sheet').click();
    const dialog = page.getByRole('dialog');
    await dialog.locator('input[type="file"]').setInputFiles({
      name: 'soa.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from(
        'Control,Applicable,Status,Evidence\nA.5.1,Yes,Implemented,AI policy\nA.8.15,Yes,Not implemented,\n',
      ),
    });
    await visible(dialog.getByRole('table', { name: 'Import preview' }));
    await check('ISO/IEC 27001 › import dialog with preview', '[role="dialog"]');
    await dialog.getByRole('button', { name: 'Import 2 rows' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    await visible(page.getByText('Suggested from 27001:'));
    await check('ISO/IEC 27001 › what the sheet says');
    await checkDialog('ISO/IEC 27001 › confirm a suggestion', button('Confirm…'));
    await open(
      `assessments/${assessmentId}/interview/A.6.2.8`,
      page.getByLabel('Suggested from 27001'),
    );
    await check('Interview › suggested from 27001');
  });

  it('Risks: the register, AI systems, criteria, impact assessments and their drawers', async () => {
    await open('risks/register', button('New risk'));
    await check('Risks › register');
    await checkDialog('Risks › new risk', button('New risk'));
    await checkDialog('Risks › import sheet', button('Import sheet'));
    await open('risks/systems', button('Add AI system'));
    await check('Risks › AI systems');
    await checkDialog('Risks › new AI system', button('Add AI system'));
    await open('risks/criteria', page.getByRole('tab', { name: 'Criteria', selected: true }));
    await check('Risks › criteria');
    await open('risks/impact', button('New impact assessment'));
    await check('Risks › impact assessments');
    await checkDialog('Risks › new impact assessment', button('New impact assessment'));
  });

  it('Evidence: files, the request list and an evidence item', async () => {
    await open('evidence', button('Choose files'));
    await check('Evidence');
    await checkDialog('Evidence › item', button(/Audit report 2025/));
    await page.getByRole('tab', { name: 'Request list' }).click();
    await page.waitForLoadState('networkidle');
    await check('Evidence › request list');
  });

  it('Reports: export, packs, identities and verification', async () => {
    await open('reports', heading('Export a report'));
    await check('Reports');
    await page.getByText('Word (editable)').click();
    await visible(button('Export Word document'));
    await check('Reports › Word format');
    await button('New identity').click();
    await visible(button('Create identity'));
    await check('Reports › new identity');
  });

  it('Catalog: browsing and a requirement', async () => {
    await open('catalog', page.getByLabel('Search requirements'));
    await check('Catalog');
    await open('catalog/A.7.5', heading('Data provenance'));
    await check('Catalog › requirement');
  });

  it('Corrective actions: the register and an action', async () => {
    const register = page.getByRole('table', { name: 'Corrective-action register' });
    await open(`actions/${engagementId}`, register);
    await check('Corrective actions');
    await checkDialog(
      'Corrective actions › an action awaiting review',
      register
        .getByRole('row', { name: /Awaiting effectiveness review/ })
        .getByRole('button')
        .first(),
      /Corrective action —/,
    );
    await checkDialog(
      'Corrective actions › an accepted action',
      register
        .getByRole('row', { name: /Accepted/ })
        .getByRole('button')
        .first(),
      /Corrective action —/,
    );
  });

  it('Internal audits: the programme, its coverage map and an audit', async () => {
    await open(
      `audits/${engagementId}`,
      page.getByRole('table', { name: 'Requirements by coverage' }),
    );
    await check('Internal audits');
    await checkDialog(
      'Internal audits › an audit',
      page.getByRole('button', { name: 'Open Operation and the AI system life cycle' }),
      'Operation and the AI system life cycle',
    );
  });

  it('Internal audits › checklist, a raised finding’s action, the audit report; Management reviews', async () => {
    const [programme] = await call(app, 'audits.programmes', { engagementId });
    const audits = await call(app, 'audits.list', { programmeId: programme?.id ?? '' });
    const held = audits.find((a) => a.status === 'completed' && a.title.startsWith('Operation'));
    const raised = page.getByRole('table', { name: 'Findings raised by the audit' });
    await open(`audits/${engagementId}/checklist/${held?.id ?? ''}`, raised);
    await check('Internal audits › checklist');
    const action = raised.getByRole('button', { name: /action for F-/ }).first();
    await checkDialog('Internal audits › checklist › action', action, /Corrective action —/);
    await checkDialog('Internal audits › audit report', button('Audit report'), /audit report/);
    const [review] = await call(app, 'managementReviews.list', { engagementId });
    const inputs = page.getByRole('region', { name: 'Actions from previous reviews' });
    await open(`reviews/${engagementId}/${review?.id ?? ''}`, inputs);
    await check('Management reviews › a review');
    await checkDialog('Management reviews › minutes', button('Minutes'), /review minutes/);
    await open(
      `reviews/${engagementId}/new`,
      page.getByRole('form', { name: 'Management review' }),
    );
    await check('Management reviews › new review');
  });

  let compareEngagement = '';
  it('What changed: two cycles side by side and the trend', async () => {
    // The small demo has one cycle; a second engagement with two, built as a user would.
    const engagement = await call(app, 'engagements.create', {
      clientName: 'Fabrikam Insurance',
      aimsScope: 'Claims triage models',
      leadAssessor: 'Dana Okafor',
    });
    compareEngagement = engagement.id;
    const last = await call(app, 'assessments.create', {
      engagementId: engagement.id,
      title: 'Gap assessment 2025',
    });
    const requirementId = 'iso-iec-42001-2023:6.1.2';
    await call(app, 'responses.save', {
      assessmentId: last.id,
      requirementId,
      result: 'nonconformant',
    });
    await call(app, 'assessments.setStatus', { id: last.id, status: 'final' });
    const next = await call(app, 'cycle.startNext', {
      assessmentId: last.id,
      title: 'Gap assessment 2026',
    });
    await call(app, 'responses.save', {
      assessmentId: next.id,
      requirementId,
      result: 'conformant',
    });
    await open(`compare/${engagement.id}`, page.getByRole('tab', { name: 'Requirements' }));
    await check('What changed');
    for (const tab of ['Findings', 'Statement of Applicability', 'Risk levels']) {
      await page.getByRole('tab', { name: tab }).click();
      await check(`What changed › ${tab}`);
    }
  });

  it('Settings', async () => {
    await open('settings', heading('Settings'));
    await check('Settings');
    // Trusted signers: pin a fingerprint as people paste it, see it listed, remove it (confirmed).
    await button('Add a trusted signer').click();
    await page.getByText('Pin a fingerprint', { exact: true }).click();
    await check('Settings › add a trusted signer');
    const form = page.getByRole('form', { name: 'Add a trusted signer' });
    await form
      .getByRole('textbox', { name: /SHA-256 fingerprint/ })
      .fill(`SHA256 Fingerprint=${'ab'.repeat(32)}`);
    await form.getByRole('textbox', { name: /^Name/ }).fill('Northwind Audit CA');
    await button('Trust this signer').click();
    const row = page.getByRole('row', { name: /Northwind Audit CA/ });
    await visible(row);
    await expect.poll(() => row.textContent()).toContain('AB:AB:AB');
    await checkDialog(
      'Settings › stop trusting',
      button('Stop trusting Northwind Audit CA'),
      /Stop trusting/,
    );
    await button('Stop trusting Northwind Audit CA').click();
    await page.getByRole('dialog').getByRole('button', { name: 'Stop trusting' }).click();
    await expect.poll(() => row.count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('reflows at 200 % zoom on a 1280×800 screen: no screen scrolls sideways', async () => {
    // 200 % zoom of a 1280×800 window leaves 640×400 CSS pixels, as this viewport does.
    await page.setViewportSize({ width: 640, height: 400 });
    const screens: [string, Locator][] = [
      ['engagements', page.getByRole('link', { name: /Northwind Lending/ })],
      [`assessments/${assessmentId}/interview`, page.getByRole('radio', { name: /Conformant/ })],
      [`assessments/${assessmentId}/findings`, button('New finding')],
      [`assessments/${assessmentId}/soa`, page.getByText(/Decided \d+ of \d+/)],
      [`assessments/${assessmentId}/readiness`, page.getByLabel('Verdict')],
      [
        `assessments/${assessmentId}/eu-ai-act`,
        page.getByLabel('Obligations ISO/IEC 42001 helps with'),
      ],
      [`assessments/${assessmentId}/nist`, page.getByLabel('NIST AI RMF coverage chart')],
      [`assessments/${assessmentId}/iso27001`, page.getByText('Suggested from 27001:')],
      ['risks/register', button('New risk')],
      ['evidence', button('Choose files')],
      ['reports', heading('Export a report')],
      ['catalog', page.getByLabel('Search requirements')],
      ['settings', heading('Settings')],
      [`compare/${compareEngagement}`, page.getByRole('tab', { name: 'Requirements' })],
      [`actions/${engagementId}`, page.getByRole('table', { name: 'Corrective-action register' })],
      [`reviews/${engagementId}/new`, page.getByRole('form', { name: 'Management review' })],
    ];
    const overflowing: string[] = [];
    for (const [hash, ready] of screens) {
      await open(hash, ready);
      const [scrollWidth, width] = await page.evaluate<[number, number]>(
        '[document.documentElement.scrollWidth, document.documentElement.clientWidth]',
      );
      if (scrollWidth > width) overflowing.push(`${hash}: ${scrollWidth} px wide in ${width}`);
    }
    // Zoomed, the interview's requirement list keeps room for a dozen rows (it once shrank to one).
    await open(
      `assessments/${assessmentId}/interview`,
      page.getByRole('radio', { name: /Conformant/ }),
    );
    const listHeight = await page.evaluate<number>(
      `document.querySelector('nav[aria-label="Requirements in scope"]').closest('.mantine-ScrollArea-root').clientHeight`,
    );
    expect(listHeight).toBeGreaterThanOrEqual(300);
    // The navigation folds behind a button, reachable and named.
    await button('Open navigation').click();
    await visible(page.getByRole('link', { name: 'Catalog' }));
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(overflowing).toEqual([]);
  });

  it('the check fails on a planted violation: pale text and a button without a name', async () => {
    await open('settings', heading('Settings'));
    // A string, run in the page: these tests are typed for Node, without the DOM's types.
    await page.evaluate(`{
      const pale = document.createElement('p');
      pale.textContent = 'Planted: pale grey text on white';
      pale.style.color = '#cccccc';
      document.querySelector('main').append(pale, document.createElement('button'));
    }`);
    const rules = blocking(await axeScan(page)).map((f) => f.rule);
    expect(rules).toEqual(expect.arrayContaining(['color-contrast', 'button-name']));
    await page.reload();
  });
});
