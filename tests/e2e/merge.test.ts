import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectRoot, tempDir } from '../helpers/core';
import { call } from './api';
import { axeScan, blocking, describeFindings } from './axe';
import { launchBrowser, serveApp, watchPage, type ServedApp } from './harness';

const req = (ref: string) => `iso-iec-42001-2023:${ref}`;
const cli = path.join(projectRoot, 'bin', 'assay.cjs');
const PASS = 'e2e exchange passphrase';
const SHOT = process.env.ASSAY_SHOTS_DIR;

function assay(args: string[]): number | null {
  const result = spawnSync(process.execPath, [cli, ...args], {
    encoding: 'utf8',
    env: { ...process.env, ASSAY_PASSPHRASE: PASS },
  });
  return result.status;
}

const longNotes = (who: string) =>
  [
    `${who}: interviewed the head of data science and the product owner of the credit model.`,
    'The AI policy names the objectives, but nobody could show where the risk criteria were agreed.',
    ...Array.from(
      { length: 6 },
      (_, i) => `Point ${i + 1} raised by ${who}: the review of model changes is ad hoc.`,
    ),
  ].join('\n\n');

/**
 * Two browser-mode instances on two data directories, an engagement carried from one to the
 * other in an exchange file, the same notes changed on both, and the conflict decided on the
 * merge screen of the receiving side.
 */
describe('the merge screen', () => {
  let browser: Browser;
  const dirA = tempDir('assay-e2e-merge-a-');
  const dirB = tempDir('assay-e2e-merge-b-');
  const files = tempDir('assay-e2e-merge-files-');
  let engagementId = '';
  let assessmentId = '';
  let a: ServedApp | null = null;
  let b: ServedApp | null = null;

  const exportFromA = (out: string) =>
    assay(['exchange', 'export', '--data-dir', dirA, '--engagement', engagementId, '--out', out]);
  const save = (app: ServedApp, notes: string) =>
    call(app, 'responses.save', {
      assessmentId,
      requirementId: req('6.1.2'),
      result: 'partially-conformant',
      notes,
    });

  beforeAll(async () => {
    browser = await launchBrowser();
    a = await serveApp(dirA);
    const engagement = await call(a, 'engagements.create', {
      clientName: 'Northwind Lending',
      aimsScope: 'Credit scoring',
      leadAssessor: 'Dana Okafor',
    });
    engagementId = engagement.id;
    assessmentId = (
      await call(a, 'assessments.create', { engagementId, title: 'Gap assessment 2026' })
    ).id;
    await save(a, 'Agreed start.');
    await a.stop();
    const first = path.join(files, 'first.assayx');
    expect(exportFromA(first)).toBe(0);
    expect(assay(['exchange', 'import', first, '--data-dir', dirB])).toBe(0);
    // Both laptops at work at once, each on its own data directory.
    a = await serveApp(dirA);
    b = await serveApp(dirB);
    await save(a, longNotes('Dana (lead)'));
    await save(b, longNotes('Sam (technical expert)'));
    await Promise.all([a.stop(), b.stop()]);
    const second = path.join(files, 'second.assayx');
    expect(exportFromA(second)).toBe(0);
    expect(assay(['exchange', 'import', second, '--data-dir', dirB])).toBe(3);
    a = await serveApp(dirA);
    b = await serveApp(dirB);
  }, 240_000);

  afterAll(async () => {
    await a?.stop();
    await b?.stop();
    await browser?.close();
  });

  it('shows the open-conflicts badge, both values with who and when, and takes theirs', async () => {
    // A context of its own: axe-core finishes its run in a blank page it opens beside this one.
    const context = await browser.newContext({ viewport: { width: 1360, height: 1000 } });
    const page = await context.newPage();
    await page.emulateMedia({ reducedMotion: 'reduce' });
    const problems = watchPage(page);
    await page.goto(b!.openUrl);
    await page.evaluate(`window.location.hash = '#/engagements/${engagementId}'`);
    const badge = page.getByRole('link', { name: '1 open conflict' });
    await badge.waitFor();
    await badge.click();
    await page.getByRole('heading', { name: 'Merge conflicts' }).waitFor();
    const card = page.getByRole('region', { name: /Answer .* notes/ });
    await card.waitFor();
    await expect(
      card
        .getByText(/Sam \(technical expert\): interviewed/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(
      card
        .getByText(/Dana \(lead\): interviewed/)
        .first()
        .isVisible(),
    ).resolves.toBe(true);
    await expect(card.getByText(/Changed by/).count()).resolves.toBe(2);
    // WCAG 2.2 AA on the merge screen with a conflict open: both sides, the combination, the buttons.
    const findings = await axeScan(page);
    expect(describeFindings(blocking(findings))).toEqual([]);
    if (SHOT) {
      fs.mkdirSync(SHOT, { recursive: true });
      await page.screenshot({ path: path.join(SHOT, '14-merge.png'), fullPage: true });
    }
    await card.getByRole('button', { name: 'Take theirs' }).click();
    await page.getByRole('heading', { name: 'Nothing to decide' }).waitFor();
    const responses = await call(b!, 'responses.list', { assessmentId });
    expect(responses.find((r) => r.requirementId === req('6.1.2'))?.notes).toBe(
      longNotes('Dana (lead)'),
    );
    // The other instance still has its own value, untouched by the decision made here.
    const theirs = await call(a!, 'responses.list', { assessmentId });
    expect(theirs.find((r) => r.requirementId === req('6.1.2'))?.notes).toBe(
      longNotes('Dana (lead)'),
    );
    expect(problems).toEqual([]);
    await context.close();
  }, 120_000);
});
