import path from 'node:path';
import { describe, it } from 'vitest';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
import { domainBoundaries } from '../../eslint-rules/domain-boundaries.mjs';

RuleTester.describe = describe;
RuleTester.it = it;

const root = path.resolve(__dirname, '..', '..');
const core = (file: string) => path.join(root, 'electron', 'core', file);
const options = [{ coreDir: 'electron/core', legacy: ['services'] }];

const tester = new RuleTester({
  languageOptions: { parser: tseslint.parser, ecmaVersion: 2022, sourceType: 'module' },
});

tester.run('domain-boundaries', domainBoundaries, {
  valid: [
    {
      name: 'another room through its index',
      filename: core('risks/handlers.ts'),
      code: "import { x } from '../evidence';",
      options,
    },
    {
      name: 'another room through index.ts named',
      filename: core('risks/handlers.ts'),
      code: "import { x } from '../evidence/index';",
      options,
    },
    {
      name: 'inside the same room',
      filename: core('risks/handlers.ts'),
      code: "import { x } from './queries';",
      options,
    },
    {
      name: 'a subfolder of the same room',
      filename: core('reports/document/front.ts'),
      code: "import { x } from '../types';",
      options,
    },
    {
      name: 'top-level infrastructure file',
      filename: core('risks/handlers.ts'),
      code: "import { x } from '../context';",
      options,
    },
    {
      name: 'a legacy folder still being emptied',
      filename: core('risks/handlers.ts'),
      code: "import { x } from '../services/risks';",
      options,
    },
    {
      name: 'a package',
      filename: core('risks/handlers.ts'),
      code: "import { z } from 'zod';",
      options,
    },
    {
      name: 'the shell through an index',
      filename: path.join(root, 'electron', 'cli', 'pack.ts'),
      code: "import { buildPack } from '../core/packs';",
      options,
    },
  ],
  invalid: [
    {
      name: 'another room internals',
      filename: core('risks/handlers.ts'),
      code: "import { x } from '../evidence/queries';",
      options,
      errors: [{ messageId: 'internal' }],
    },
    {
      name: 'a top-level core file reaching into a room',
      filename: core('start.ts'),
      code: "import { loadCatalogs } from './catalog/load';",
      options,
      errors: [{ messageId: 'internal' }],
    },
    {
      name: 'the CLI reaching into a room',
      filename: path.join(root, 'electron', 'cli', 'pack.ts'),
      code: "import { buildPack } from '../core/packs/build';",
      options,
      errors: [{ messageId: 'internal' }],
    },
    {
      name: 're-export of internals',
      filename: core('packs/index.ts'),
      code: "export { renderReport } from '../reports/render';",
      options,
      errors: [{ messageId: 'internal' }],
    },
    {
      name: 'dynamic import of internals',
      filename: core('packs/build.ts'),
      code: "const m = import('../reports/render');",
      options,
      errors: [{ messageId: 'internal' }],
    },
  ],
});
