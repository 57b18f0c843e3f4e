import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../electron/bench/browser';
import { projectRoot } from '../helpers/core';

export async function launchBrowser(): Promise<Browser> {
  return launchChromium();
}

export interface ServedApp {
  url: string;
  openUrl: string;
  token: string;
  process: ChildProcess;
  stop(): Promise<number | null>;
}

/** Fills an empty data directory with the small demo through the real `assay demo`, as a user would. */
export function seedSmallDemo(dataDir: string): void {
  const cli = path.join(projectRoot, 'bin', 'assay.cjs');
  execFileSync(process.execPath, [cli, 'demo', '--data-dir', dataDir, '--size', 'small'], {
    stdio: 'pipe',
  });
}

/** Runs the real `assay serve` (the built CLI) on a data directory, as a user would. */
export async function serveApp(dataDir: string): Promise<ServedApp> {
  const cli = path.join(projectRoot, 'bin', 'assay.cjs');
  // ASSAY_RENDERER_DIR serves a copy of the built renderer, so a rebuild cannot pull it away mid-run.
  const renderer = process.env.ASSAY_RENDERER_DIR
    ? ['--renderer-dir', process.env.ASSAY_RENDERER_DIR]
    : [];
  const child = spawn(
    process.execPath,
    [cli, 'serve', '--data-dir', dataDir, '--port', '0', ...renderer],
    {
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let output = '';
  const openUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`assay serve did not start:\n${output}`)),
      30_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /Open: (\S+)/.exec(output);
      if (match?.[1]) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`assay serve exited with ${code}:\n${output}`));
    });
  });
  const parsed = new URL(openUrl);
  return {
    url: `${parsed.origin}/`,
    openUrl,
    token: parsed.searchParams.get('token') ?? '',
    process: child,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve(child.exitCode);
        child.once('exit', (code) => resolve(code));
        child.kill('SIGTERM');
      }),
  };
}

/** Collects what the page reports as broken: script errors and CSP violations fail a test. */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  // Runs in the page: CSP violations become console errors, which fail the test below.
  void page.addInitScript(`document.addEventListener('securitypolicyviolation', (e) => {
    console.error('CSP violation: ' + e.violatedDirective + ' at ' + e.sourceFile + ':' + e.lineNumber);
  });`);
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !text.includes('favicon')) problems.push(`console: ${text}`);
  });
  return problems;
}
