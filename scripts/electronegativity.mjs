#!/usr/bin/env node
// Electronegativity (Doyensec's static scan of Electron apps) over electron/, gated on its SARIF
// output: the tool itself exits 0 whatever it finds. Every finding must match an entry of ALLOWED
// below, which says why it is not a problem here; an entry that no longer matches anything fails
// too, so the list never outlives the code it excuses. Run by tests/unit/electronegativity.test.ts
// (part of `npm test`) and by `npm run electronegativity`.
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/**
 * Findings accepted, by check and file (lines move; a new finding in the same file for the same
 * check would hide behind an entry, so each entry also says how many findings it covers).
 */
export const ALLOWED = [
  {
    ruleId: 'CSP_GLOBAL_CHECK',
    file: '',
    count: 1,
    why: 'The CSP is a response header: the assay:// protocol handler in electron/main.ts and browser mode send contentSecurityPolicy() (electron/web/html.ts) with a per-response nonce. The check only looks for <meta> tags and webRequest hooks.',
  },
  {
    ruleId: 'AUXCLICK_JS_CHECK',
    file: 'main.ts',
    count: 1,
    why: 'A middle-click opens a new window, and setWindowOpenHandler denies every new window (handing only an https link that passes isSafeExternalUrl to the system browser).',
  },
  {
    ruleId: 'CONTEXT_ISOLATION_JS_CHECK',
    file: 'main.ts',
    count: 1,
    why: 'The window options come from secureWindowOptions() (electron/window-options.ts): contextIsolation true, asserted by tests/unit/window-options.test.ts. The check cannot read options built by a function.',
  },
  {
    ruleId: 'SANDBOX_JS_CHECK',
    file: 'main.ts',
    count: 1,
    why: 'sandbox: true in secureWindowOptions(), asserted by tests/unit/window-options.test.ts; same reason as above.',
  },
  {
    ruleId: 'OPEN_EXTERNAL_JS_CHECK',
    file: 'main.ts',
    count: 1,
    why: 'shell.openExternal runs only for a URL isSafeExternalUrl() accepts (https to a real host name; no credentials, port, control or invisible characters, punycode); tests/unit/window-options.test.ts refuses dozens of hostile URLs.',
  },
];

/**
 * Checks left out: AvailableSecurityFixesGlobalCheck downloads Electron's release list (nothing in
 * Assay goes over the network, its tests included); Electron upgrades are a separate decision.
 */
const EXCLUDED_CHECKS = ['AvailableSecurityFixesGlobalCheck'];

/** The runner, with its translation loader replaced by the bundled English strings (no download). */
function loadRunner() {
  const require = createRequire(import.meta.url);
  const main = require.resolve('@doyensec/electronegativity', { paths: [root] });
  const toolRequire = createRequire(main);
  const i18nPath = toolRequire.resolve('./locales/i18n');
  const i18n = toolRequire('i18n');
  const offline = async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: path.dirname(i18nPath),
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: global,
    });
    i18n.setLocale('en-US');
  };
  require.cache[i18nPath] = {
    id: i18nPath,
    filename: i18nPath,
    loaded: true,
    exports: { __esModule: true, default: offline },
  };
  return toolRequire('./runner');
}

/** The runner starts writing its SARIF file without waiting for it: read it once it is whole. */
async function readWhenWritten(file) {
  for (let attempt = 0; attempt < 600; attempt += 1) {
    try {
      return JSON.parse(fs.readFileSync(file, 'utf8'));
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
  throw new Error(`Electronegativity wrote no readable SARIF file at ${file}`);
}

/** Runs the scan; answers every finding, the unallowed ones, and the allow entries left unused. */
export async function runGate(input = path.join(root, 'electron')) {
  const run = loadRunner();
  const electronVersion = JSON.parse(
    fs.readFileSync(path.join(root, 'node_modules', 'electron', 'package.json'), 'utf8'),
  ).version;
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'assay-en-')), 'scan.sarif');
  const quiet = console.log;
  console.log = () => undefined; // the runner prints a banner and a table
  try {
    await run({
      input,
      output: out,
      isSarif: true,
      customScan: [],
      excludeFromScan: EXCLUDED_CHECKS,
      isRelative: true,
      isVerbose: false,
      electronVersionOverride: electronVersion,
      parserPlugins: [],
    });
  } finally {
    console.log = quiet;
  }
  const sarif = await readWhenWritten(out);
  fs.rmSync(path.dirname(out), { recursive: true, force: true });
  const findings = (sarif.runs?.[0]?.results ?? []).map((r) => {
    const where = r.locations?.[0]?.physicalLocation;
    const uri = String(where?.artifactLocation?.uri ?? '');
    return {
      ruleId: String(r.ruleId),
      file: uri.startsWith('file:') ? '' : uri,
      line: where?.region?.startLine ?? 0,
      message: String(r.message?.text ?? ''),
    };
  });
  const counts = new Map();
  const unallowed = [];
  for (const f of findings) {
    const entry = ALLOWED.find((a) => a.ruleId === f.ruleId && a.file === f.file);
    const used = (counts.get(entry) ?? 0) + 1;
    if (entry) counts.set(entry, used);
    if (!entry || used > entry.count) unallowed.push(f);
  }
  const stale = ALLOWED.filter((a) => (counts.get(a) ?? 0) < a.count);
  return { findings, unallowed, stale };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  // --input DIR scans another folder (the gate's own test shows it fails on a bad window).
  const at = process.argv.indexOf('--input');
  const { findings, unallowed, stale } = await runGate(
    at > 0 ? path.resolve(process.argv[at + 1] ?? '') : undefined,
  );
  for (const f of unallowed)
    process.stderr.write(`${f.ruleId} ${f.file || '(global)'}:${f.line} ${f.message}\n`);
  for (const a of stale)
    process.stderr.write(`allow-list entry no longer matches: ${a.ruleId} ${a.file}\n`);
  process.stdout.write(
    `electronegativity: ${findings.length} findings, ${findings.length - unallowed.length} allowed\n`,
  );
  process.exit(unallowed.length > 0 || stale.length > 0 ? 1 : 0);
}
