import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import prettier from 'eslint-config-prettier';
import globals from 'globals';
import assayRules from './eslint-rules/domain-boundaries.mjs';

const nodeBuiltins = [
  'node:*',
  'fs',
  'fs/*',
  'path',
  'os',
  'crypto',
  'child_process',
  'http',
  'https',
  'net',
  'stream',
  'url',
  'util',
  'worker_threads',
  'zlib',
];

/** Boundary rules from ARCHITECTURE.md, enforced here so a crossing fails the build. */
const noElectron = {
  group: ['electron', 'electron/*'],
  message: 'Only electron/main.ts and electron/preload.ts may import electron.',
};

/** What no renderer file may import: Electron, the main side, Node. */
const rendererPatterns = [
  noElectron,
  {
    group: ['**/electron/**'],
    message: 'The renderer never imports electron/: talk to the main side through src/api.',
  },
  { group: nodeBuiltins, message: 'The renderer has no Node.' },
];

export default tseslint.config(
  { ignores: ['out/**', 'dist/**', 'node_modules/**', 'migrations/**', '.cache/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.node } },
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['electron/**/*.ts'],
    ignores: ['electron/main.ts', 'electron/preload.ts', 'electron/window-options.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: [noElectron] }] },
  },
  {
    // One room per domain under electron/core/: other code goes through the room's index.ts.
    files: ['electron/**/*.ts'],
    plugins: { assay: assayRules },
    rules: {
      'assay/domain-boundaries': [
        'error',
        {
          coreDir: 'electron/core',
          // Folders still being emptied into domain rooms (issue 10); remove each when it is gone.
          legacy: [],
        },
      ],
    },
  },
  {
    // window-options.ts may use Electron's types only (it runs in plain Node tests).
    files: ['electron/window-options.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        { patterns: [{ ...noElectron, allowTypeImports: true }] },
      ],
    },
  },
  {
    files: ['shared/**/*.ts'],
    languageOptions: { globals: {} },
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: nodeBuiltins, message: 'shared/ runs everywhere: no Node modules.' },
            noElectron,
            {
              group: ['react', 'react-dom', '**/renderer/**', '**/electron/**'],
              message: 'shared/ imports nothing from the renderer, the DOM or the main side.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['renderer/**/*.{ts,tsx}'],
    languageOptions: { globals: { ...globals.browser } },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      'no-restricted-imports': ['error', { patterns: rendererPatterns }],
    },
  },
  {
    // Components reach the main side only through their domain's store (renderer/src/stores/),
    // which also drops answers that arrive after the user moved on. Helpers that send nothing
    // are listed as exceptions.
    files: ['renderer/src/features/**/*.{ts,tsx}', 'renderer/src/components/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...rendererPatterns,
            {
              group: ['**/api/*', '!**/api/error-message', '!**/api/base64'],
              message:
                "Components call commands through their domain's store (src/stores/<domain>.ts), not src/api.",
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.cjs'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['tests/**/*.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
  prettier,
);
