import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { tempDir } from '../helpers/core';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';
import { call } from './api';
import {
  activate,
  chooseWithKeys,
  expectVisibleFocus,
  hasFocus,
  tabTo,
  typeInto,
} from './keyboard';

/**
 * Every main flow, from an empty data directory to a signed report and pack, with the keyboard
 * alone: Tab, arrows, Enter, Space and typing, never a click. Each step checks that the focus can
 * be seen; the live regions are checked for what they announce. The tests run in order, each
 * building on the last, on one server.
 */
describe('every flow with the keyboard alone', () => {
  let browser: Browser;
  let app: ServedApp;
  let page: Page;
  let problems: string[];
  let assessmentId = '';
  const files = tempDir('assay-e2e-keys-files-');
  const passphrase = 'correct horse battery';

  beforeAll(async () => {
    browser = await launchBrowser();
    app = await serveApp(tempDir('assay-e2e-keys-'));
    const context = await browser.newContext({
      viewport: { width: 1280, height: 800 },
      acceptDownloads: true,
    });
    page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    problems = watchPage(page);
  });
  afterAll(async () => {
    await app?.stop();
    await browser?.close();
  });

  const button = (name: string | RegExp) => page.getByRole('button', { name }).first();
  const field = (name: string | RegExp) => page.getByRole('textbox', { name }).first();
  const shown = (text: string | RegExp) =>
    expect.poll(() => page.getByText(text).first().isVisible()).toBe(true);
  /** What the polite live regions (role=status) say right now. */
  const statusText = () =>
    page
      .getByRole('status')
      .allInnerTexts()
      .then((t) => t.join(' | '));
  const alertText = () =>
    page
      .getByRole('alert')
      .allInnerTexts()
      .then((t) => t.join(' | '));

  it('skips to the main content, then creates an engagement and an assessment', async () => {
    await page.goto(app.openUrl);
    await shown('No engagements yet');
    // The first Tab stop is the skip link, visible once focused; Enter puts the focus on <main>.
    await page.keyboard.press('Tab');
    const skip = page.getByRole('link', { name: 'Skip to main content' });
    expect(await hasFocus(skip)).toBe(true);
    await expectVisibleFocus(page);
    expect(await skip.isVisible()).toBe(true);
    await page.keyboard.press('Enter');
    expect(await page.evaluate('document.activeElement.id')).toBe('main-content');

    await activate(page, button('New engagement'));
    await typeInto(page, field('Client organisation'), 'Tailspin Insurance');
    await typeInto(page, field('AIMS scope statement'), 'Claims triage model.');
    await typeInto(page, field('Lead assessor'), 'Dana Okafor');
    await activate(page, button('Create engagement'));
    await expect
      .poll(() => page.getByRole('heading', { name: 'Tailspin Insurance' }).isVisible())
      .toBe(true);

    await activate(page, button('New assessment'));
    const dialog = page.getByRole('dialog', { name: 'New assessment' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    await chooseWithKeys(page, dialog.getByRole('combobox', { name: 'Engagement' }), /Tailspin/);
    await typeInto(page, dialog.getByRole('textbox', { name: 'Title' }), 'Stage 1 review');
    await activate(page, dialog.getByRole('button', { name: 'Create assessment' }));
    await expect.poll(() => page.getByText(/ \/ 70$/).isVisible()).toBe(true);
    const [assessment] = await call(app, 'assessments.list', {});
    assessmentId = assessment?.id ?? '';
    expect(assessmentId).not.toBe('');
  });

  it('answers the interview and hears "Saved"', async () => {
    await page.keyboard.press('1');
    await expect.poll(statusText).toContain('Saved');
    await page.keyboard.press('f');
    await page.keyboard.press('e');
    await expectVisibleFocus(page);
    await page.keyboard.type('Context register reviewed with the risk lead.');
    await page.keyboard.press('Escape');
    await expect.poll(statusText).toContain('Saved');
    await page.keyboard.press('j');
    await page.keyboard.press('3');
    await expect.poll(statusText).toContain('Saved');
    await expect.poll(() => page.getByText('2 of 70 assessed · 1 flagged').isVisible()).toBe(true);
  });

  it('raises a finding against the current requirement', async () => {
    await activate(page, button('Raise finding'));
    const dialog = page.getByRole('dialog', { name: 'Raise a finding' });
    await expect.poll(() => dialog.isVisible()).toBe(true);
    // The dialog puts the focus on its statement once open (Mantine's focus trap does it on a
    // zero-delay timer after the dialog shows). A person starts typing once it is there; keys
    // pressed before it would be overtaken by that late focus move.
    const statement = dialog.getByRole('textbox', { name: 'Statement' });
    await expect.poll(() => hasFocus(statement)).toBe(true);
    await typeInto(
      page,
      statement,
      'No record of the interested parties relevant to the AI management system.',
    );
    await activate(page, dialog.getByRole('button', { name: 'Raise finding' }));
    try {
      await expect.poll(alertText).toMatch(/F-\d+ raised against 4\.2/);
    } catch (error) {
      // Seen about once in a hundred openings on a busy machine: the dialog closed with nothing
      // stored and nothing announced. Say what the page and the store held, so a failure in CI
      // tells which of the two went wrong.
      const stored = await call(app, 'findings.list', { assessmentId });
      const state = {
        dialogsOpen: await page.getByRole('dialog').count(),
        focus: await page.evaluate<string>(
          "document.activeElement?.textContent?.slice(0, 80) ?? ''",
        ),
        findingsStored: stored.map((f) => `${f.ref} ${f.requirementRef}`),
      };
      throw new Error(`${String(error)}\nPage and store: ${JSON.stringify(state)}`);
    }
    await expect.poll(() => dialog.count()).toBe(0);
  });

  it('decides a Statement of Applicability entry', async () => {
    await page.goto(`${app.url}#/assessments/${assessmentId}/soa`);
    await shown(/Decided 0 of \d+/);
    const row = page.getByRole('region', { name: /^A\.2\.2 / });
    await tabTo(page, row.getByRole('radio', { name: 'Applicable' }));
    await page.keyboard.press('Space');
    await chooseWithKeys(
      page,
      row.getByRole('combobox', { name: 'Implementation status of A.2.2' }),
      /^Implemented$/,
    );
    await typeInto(
      page,
      row.getByRole('textbox', { name: 'Justification for A.2.2' }),
      'The AI policy governs every AI system in scope.',
    );
    await activate(page, row.getByRole('button', { name: 'Save A.2.2' }));
    await expect.poll(() => row.getByRole('status').innerText()).toMatch(/Saved .* by /i);
    await shown(/Decided 1 of \d+/);
  });

  it('imports an evidence file and hears it stored', async () => {
    const file = path.join(files, 'interested-parties.csv');
    fs.writeFileSync(file, 'party,interest\nregulator,fair outcomes\n');
    await page.goto(`${app.url}#/evidence`);
    await shown('Drop files here');
    const chooser = page.waitForEvent('filechooser');
    await activate(page, button('Choose files'));
    await (await chooser).setFiles(file);
    await expect.poll(statusText).toContain('interested-parties.csv: Stored');
    await expect
      .poll(() => page.getByRole('button', { name: /interested-parties/ }).isVisible())
      .toBe(true);
  });

  it('adds a risk to the register', async () => {
    await page.goto(`${app.url}#/risks/register`);
    await activate(page, button('New risk'));
    const drawer = page.getByRole('dialog');
    await expect.poll(() => drawer.isVisible()).toBe(true);
    await typeInto(
      page,
      drawer.getByRole('textbox', { name: 'Title' }),
      'Triage model under-prioritises complex claims',
    );
    await chooseWithKeys(page, drawer.getByRole('combobox', { name: 'Likelihood' }), /^3 /);
    await chooseWithKeys(page, drawer.getByRole('combobox', { name: 'Impact' }), /^4 /);
    await activate(page, drawer.getByRole('button', { name: 'Add risk' }));
    await expect.poll(() => drawer.count()).toBe(0);
    await expect
      .poll(() => page.getByText('Triage model under-prioritises complex claims').isVisible())
      .toBe(true);
  });

  it('creates a signing identity, then exports a signed report and a signed pack', async () => {
    await page.goto(`${app.url}#/reports`);
    await activate(page, button('New identity'));
    const form = page.getByRole('form', { name: 'Create a signing identity' });
    await typeInto(page, form.getByRole('textbox', { name: 'Name' }), 'Dana Okafor');
    await typeInto(page, form.getByRole('textbox', { name: 'Email' }), 'dana@example.org');
    await typeInto(page, form.getByLabel(/^Passphrase/), passphrase);
    await typeInto(page, form.getByLabel('Repeat the passphrase'), passphrase);
    await activate(page, form.getByRole('button', { name: 'Create identity' }));
    await expect.poll(() => form.count(), { timeout: 60_000 }).toBe(0);

    const report = page.getByRole('region', { name: 'Export a report' });
    await chooseWithKeys(
      page,
      report.getByRole('combobox', { name: 'Assessment' }),
      /Stage 1 review/,
    );
    await chooseWithKeys(
      page,
      report.getByRole('combobox', { name: 'Signing identity' }),
      /Dana Okafor/,
    );
    await typeInto(page, report.getByLabel(/^Passphrase/), passphrase);
    await activate(page, report.getByRole('button', { name: 'Export PDF' }));
    await expect.poll(alertText, { timeout: 90_000 }).toContain('Signed report ready');
    const download = page.waitForEvent('download');
    await activate(page, button(/^Download .*\.pdf$/));
    expect((await download).suggestedFilename()).toMatch(/\.pdf$/);

    const pack = page.getByRole('region', { name: /readiness pack/i });
    await chooseWithKeys(page, pack.getByRole('combobox', { name: 'Assessment' }), /Stage 1/);
    await chooseWithKeys(
      page,
      pack.getByRole('combobox', { name: 'Signing identity' }),
      /Dana Okafor/,
    );
    const packDownload = page.waitForEvent('download', { timeout: 120_000 });
    await typeInto(page, pack.getByLabel(/^Passphrase/), passphrase);
    await activate(page, pack.getByRole('button', { name: 'Build signed pack' }));
    await expect.poll(alertText, { timeout: 120_000 }).toContain('Signed pack ready');
    expect((await packDownload).suggestedFilename()).toMatch(/\.zip$/);
    expect(problems).toEqual([]);
  });
});
