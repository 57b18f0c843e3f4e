import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Page } from 'playwright-core';
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
 * With 10,000 risks in browser mode: opening the register (cold page load, and the tab switch
 * once the data is loaded) to the table drawn, a filter keystroke to the updated table, and
 * exporting the register to XLSX.
 */
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

    const server = await startWebServer({
      dispatcher: core.dispatcher,
      events: core.events,
      rendererDir: path.join(appRoot, 'out', 'renderer'),
    });
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1500, height: 1000 } });
      await page.goto(`${server.openUrl}#/risks/register`);
      await page.waitForSelector('.risk-row', { timeout: 60_000 });
      const cold = await page.evaluate<number>('performance.now()');
      rows.push({
        name: 'risks: page load to register drawn',
        size: '10,000 risks',
        value: ms(cold),
        aim: '300 ms',
      });

      const opens: number[] = [];
      for (let i = 0; i < 5; i += 1) {
        await page.getByRole('tab', { name: 'AI systems' }).click();
        await page.waitForSelector('table[aria-label="AI systems"]');
        opens.push(await openRegister(page));
      }
      rows.push({
        name: 'risks: open register tab to table drawn (median of 5)',
        size: '10,000 risks',
        value: ms(median(opens)),
        aim: '300 ms',
      });

      const keys: number[] = [];
      for (const word of ['model', 'chatbot', 'postcode']) {
        for (let n = 1; n <= word.length; n += 1)
          keys.push(await keystroke(page, word.slice(0, n)));
        await keystroke(page, '');
      }
      rows.push({
        name: 'risks: filter keystroke to table updated (median)',
        size: `10,000 risks, ${keys.length} keystrokes`,
        value: `${ms(median(keys))} (max ${ms(Math.max(...keys))})`,
        aim: '50 ms',
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
