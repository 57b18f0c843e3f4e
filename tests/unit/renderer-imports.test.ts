import path from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: root });

// Loading the config with its plugins is a one-time cost of seconds; the checks below are quick.
beforeAll(() => eslint.calculateConfigForFile(path.join(root, 'renderer/src/App.tsx')), 60_000);

/** The import rules the project's own ESLint config reports for a file at `file`. */
async function restricted(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(root, file) });
  return (result?.messages ?? [])
    .filter((m) => m.ruleId === 'no-restricted-imports')
    .map((m) => m.message);
}

describe('components reach commands only through stores (eslint.config.mjs)', () => {
  it('refuses the API client, the file sender and the transports in a feature', async () => {
    const code = [
      "import { api } from '../../api/client';",
      "import { sendLargeFile } from '../../api/send-file';",
      "import { httpTransport } from '../../api/http-transport';",
      'export const used = [api, sendLargeFile, httpTransport];',
    ].join('\n');
    const messages = await restricted('renderer/src/features/risks/Probe.tsx', code);
    expect(messages).toHaveLength(3);
    expect(messages[0]).toContain("through their domain's store");
  });

  it('refuses the API client in a shared component', async () => {
    const code = "import { api } from '../api/client';\nexport const used = api;\n";
    expect(await restricted('renderer/src/components/Probe.tsx', code)).toHaveLength(1);
  });

  it('lets a feature use its store and the error wording', async () => {
    const code = [
      "import { errorMessage } from '../../api/error-message';",
      "import { useRisks } from '../../stores/risks';",
      'export const used = [errorMessage, useRisks];',
    ].join('\n');
    expect(await restricted('renderer/src/features/risks/Probe.tsx', code)).toEqual([]);
  });

  it('lets a store use the API client', async () => {
    const code = "import { api } from '../api/client';\nexport const used = api;\n";
    expect(await restricted('renderer/src/stores/probe.ts', code)).toEqual([]);
  });

  it('still keeps Node and the main side out of every renderer file', async () => {
    const code = "import fs from 'node:fs';\nexport const used = fs;\n";
    expect(await restricted('renderer/src/features/risks/Probe.tsx', code)).toHaveLength(1);
    expect(await restricted('renderer/src/stores/probe.ts', code)).toHaveLength(1);
  });
});
