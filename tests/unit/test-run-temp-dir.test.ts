import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

it('runs every test inside the run’s own temp folder, which the run removes at its end', () => {
  expect(path.basename(os.tmpdir())).toMatch(/^assay-run-/);
});
