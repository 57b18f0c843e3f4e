import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { seededRng } from '../core/demo';
import { exportRisksXlsx, seedRiskDemo } from '../core/risks';
import { startWebServer } from '../web/server';
import { launchChromium } from './browser';
import { benchAppRoot, benchEngagement, startBenchCore } from './setup';
import type { BenchRow } from './types';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const ms = (x: number) => `${Math.round(x)} ms`;

// The measurements run inside the page (no protocol round trip in the timing). They are strings
// because this file compiles without the DOM library; each returns milliseconds.
const NEXT_FRAME = 'await new Promise((r) => requestAnimationFrame(r));';

/** Clicks the register tab and waits for the first table row, then one more painted frame. */
const OPEN_REGISTER = `(async () => {
  const tab = [...document.querySelectorAll('[role="tab"]')].find((t) => t.textContent === 'Risk register');
  if (!tab) throw new Error('no Risk register tab');
  const start = performance.now();
  tab.click();
  for (;;) { ${NEXT_FRAME} if (document.querySelector('.risk-row')) break; }
  ${NEXT_FRAME}
  return performance.now() - start;
})()`;

/** Sets the search box as a keystroke would; waits until the register rendered that filter. */
const keystrokeScript = (value: string) => `(async () => {
  const input = document.querySelector('input[placeholder^="Ref, title"]');
  const count = document.querySelector('[data-testid="risk-count"]');
  if (!input || !count) throw new Error('no search box');
  const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value').set;
  const start = performance.now();
  setter.call(input, ${JSON.stringify(value)});
  input.dispatchEvent(new Event('input', { bubbles: true }));
  for (;;) {
    ${NEXT_FRAME}
    if (count.getAttribute('data-filter') === ${JSON.stringify(value)}) break;
    if (performance.now() - start > 5000) throw new Error('the table did not update');
  }
  ${NEXT_FRAME}
  return performance.now() - start;
})()`;

const openRegister = (page: Page) => page.evaluate<number>(OPEN_REGISTER);
const keystroke = (page: Page, text: string) => page.evaluate<number>(keystrokeScript(text));

/**
 * Runs in the page before the app: remembers the engagement to open, and notes (in page time)
 * the frame in which the register's first rows were painted and the one in which it held every
 * risk. Measured inside the page: reading the time from outside once the rows are there would
 * add however long the page's main thread is busy with the rest of the register.
 */
const watchRegister = (engagementId: string) => `(() => {
  localStorage.setItem('assay.risks.engagementId', ${JSON.stringify(engagementId)});
  const seen = { drawn: 0, complete: 0 };
  window.__register = seen;
  const painted = (key) => requestAnimationFrame(() => { seen[key] = performance.now(); });
  const watch = new MutationObserver(() => {
    if (!seen.drawn && document.querySelector('.risk-row')) { seen.drawn = -1; painted('drawn'); }
    if (!seen.complete && document.querySelector('[data-testid="risk-count"][data-complete="true"]')) {
      seen.complete = -1;
      painted('complete');
    }
  });
  document.addEventListener('DOMContentLoaded', () =>
    watch.observe(document.body, { subtree: true, childList: true, attributes: true }));
})()`;

interface RegisterRun {
  /** Navigation to the first rows painted, and to the whole register held, per cold load. */
  drawn: number[];
  complete: number[];
  /** Each filter keystroke to the table updated and painted. */
  keys: number[];
  /** The register tab opened again (data loaded) to the table drawn. */
  opens: number[];
}

const COLD_LOADS = 3;

/** Cold loads of one engagement's register in fresh pages, then tab switches and keystrokes. */
async function measureRegister(browser: Browser, url: string, engagementId: string) {
  const run: RegisterRun = { drawn: [], complete: [], keys: [], opens: [] };
  for (let i = 0; i < COLD_LOADS; i += 1) {
    const context = await browser.newContext({ viewport: { width: 1500, height: 1000 } });
    const page = await context.newPage();
    await page.addInitScript(watchRegister(engagementId));
    await page.goto(`${url}#/risks/register`);
    await page.waitForSelector('[data-testid="risk-count"][data-complete="true"]', {
      timeout: 60_000,
    });
    await page.waitForFunction('window.__register.complete > 0 && window.__register.drawn > 0');
    const seen = await page.evaluate<{ drawn: number; complete: number }>('window.__register');
    run.drawn.push(seen.drawn);
    run.complete.push(seen.complete);
    if (i === COLD_LOADS - 1) {
      for (let n = 0; n < 5; n += 1) {
        await page.getByRole('tab', { name: 'AI systems' }).click();
        await page.waitForSelector('table[aria-label="AI systems"]');
        run.opens.push(await openRegister(page));
      }
      await page.waitForSelector('[data-testid="risk-count"][data-complete="true"]');
      for (const word of ['model', 'chatbot', 'postcode']) {
        for (let n = 1; n <= word.length; n += 1)
          run.keys.push(await keystroke(page, word.slice(0, n)));
        run.keys.push(await keystroke(page, ''));
      }
    }
    await context.close();
  }
  return run;
}

const range = (xs: number[]) => `${ms(Math.min(...xs))}–${ms(Math.max(...xs))}`;

export async function benchRisks(): Promise<BenchRow[]> {
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-bench-risks-'));
  const appRoot = benchAppRoot();
  const core = await startBenchCore(work);
  const rows: BenchRow[] = [];
  try {
    const engagementId = benchEngagement(core, 'Bench Lending');
    const seedStart = performance.now();
    seedRiskDemo(core.ctx, { engagementId: engagementId, size: 'large', rng: seededRng(42) });
    rows.push({
      name: 'risks: seed the large demo',
      size: '10,000 risks',
      value: ms(performance.now() - seedStart),
    });

    const exportTimes: number[] = [];
    for (let i = 0; i < 2; i += 1) {
      const t = performance.now();
      await exportRisksXlsx(core.ctx, engagementId);
      exportTimes.push(performance.now() - t);
    }
    rows.push({
      name: 'risks: export register to XLSX',
      size: '10,000 risks',
      value: `${(Math.min(...exportTimes) / 1000).toFixed(2)} s`,
    });

    const small = benchEngagement(core, 'Bench Small');
    seedRiskDemo(core.ctx, { engagementId: small, size: 'small', rng: seededRng(42) });
    const server = await startWebServer({
      dispatcher: core.dispatcher,
      events: core.events,
      rendererDir: path.join(appRoot, 'out', 'renderer'),
    });
    const browser = await launchChromium();
    try {
      // The baseline: the same screen, loads and keystrokes with the small demo's 25 risks.
      const base = await measureRegister(browser, server.openUrl, small);
      const large = await measureRegister(browser, server.openUrl, engagementId);
      rows.push({
        name: `risks: page load to register drawn (median of ${COLD_LOADS} cold loads)`,
        size: '10,000 risks',
        value: `${ms(median(large.drawn))} (${range(large.drawn)}); every risk held: ${ms(median(large.complete))}`,
        baseline: `25 risks, same run: ${ms(median(base.drawn))} (${range(base.drawn)})`,
        ratio: `${(median(large.drawn) / median(base.drawn)).toFixed(2)}× the small register`,
        aim: 'under 1 s',
      });
      rows.push({
        name: 'risks: open register tab to table drawn (median of 5)',
        size: '10,000 risks',
        value: ms(median(large.opens)),
        baseline: `25 risks, same run: ${ms(median(base.opens))}`,
        aim: '300 ms',
      });
      rows.push({
        name: 'risks: filter keystroke to table updated (median, slowest)',
        size: `10,000 risks, ${large.keys.length} keystrokes`,
        value: `${ms(median(large.keys))} (slowest ${ms(Math.max(...large.keys))})`,
        baseline: `25 risks, same run: ${ms(median(base.keys))} (slowest ${ms(Math.max(...base.keys))})`,
        aim: 'slowest under 50 ms',
      });
    } finally {
      await browser.close();
      await server.close();
    }
  } finally {
    core.close();
    fs.rmSync(work, { recursive: true, force: true });
  }
  return rows;
}
