import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * One temp folder per test run, removed when the run ends. Tests make their data directories with
 * `os.tmpdir()` (and spawn CLIs and Chromium that do the same); pointing TMPDIR here before the
 * workers start keeps all of it in one place. Without it every full run left about 1 GB behind
 * (the kill and migration tests' stores) and a busy day filled the disk.
 */
export default function setup(): () => void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'assay-run-'));
  const previous = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    fs.rmSync(root, { recursive: true, force: true, maxRetries: 3 });
  };
}
