import fs from 'node:fs';
import type { Browser } from 'playwright-core';

/** Finds a Chromium for the end-to-end tests and browser benchmarks: CHROMIUM_PATH, Debian's, or says what to install. */
export function chromiumPath(): string {
  const candidates = [
    process.env.CHROMIUM_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
  ];
  for (const candidate of candidates) if (candidate && fs.existsSync(candidate)) return candidate;
  throw new Error(
    'No Chromium found for the end-to-end tests and browser benchmarks. Install it (Debian/Ubuntu: apt-get install -y chromium) or set CHROMIUM_PATH.',
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
