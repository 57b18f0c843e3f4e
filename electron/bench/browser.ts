import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/** The same Chromium discovery and flags as the end-to-end tests (tests/e2e/harness.ts). */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium found for the browser benchmarks. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.',
  );
}

export const chromiumArgs = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

/** playwright-core is a development dependency: loaded only when a browser bench runs. */
export async function launchChromium(): Promise<Browser> {
  const { chromium } = await import('playwright-core');
  return chromium.launch({ executablePath: chromiumPath(), args: chromiumArgs });
}
