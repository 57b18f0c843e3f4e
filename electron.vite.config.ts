import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

// Three builds from one config. Main also builds the CLI (which runs under plain Node) so both
// share one bundle of electron/core; runtime dependencies stay external (native better-sqlite3).
export default defineConfig({
  main: {
    build: {
      // playwright-core (a dev dependency, used by the browser benchmarks) must stay a require.
      // pkijs and asn1js ship only as ES modules, which the CommonJS main/CLI/worker bundles cannot
      // require() under Electron's Node: bundle them instead (their own deps come along).
      externalizeDeps: { include: ['playwright-core'], exclude: ['pkijs', 'asn1js'] },
      outDir: 'out/main',
      rollupOptions: {
        input: {
          main: resolve(__dirname, 'electron/main.ts'),
          cli: resolve(__dirname, 'electron/cli.ts'),
          'report-worker': resolve(__dirname, 'electron/core/reports/worker.ts'),
          bench: resolve(__dirname, 'electron/bench/run.ts'),
        },
      },
    },
  },
  preload: {
    build: {
      // A sandboxed preload can require only 'electron': bundle everything else into it.
      externalizeDeps: false,
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve(__dirname, 'electron/preload.ts') },
        // A sandboxed preload cannot load ES modules.
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: resolve(__dirname, 'renderer'),
    base: './',
    plugins: [react()],
    build: {
      outDir: resolve(__dirname, 'out/renderer'),
      // Minified: the page parses about half as much script before its first screen (unminified,
      // parsing and compiling the app's code was most of a cold start before the first request).
      minify: true,
      rollupOptions: {
        input: resolve(__dirname, 'renderer/index.html'),
        output: {
          // zod and the line that turns its eval probe off share one chunk, evaluated before any
          // chunk that builds a schema: under our CSP the probe would be reported as a violation.
          manualChunks: (id: string) =>
            id.includes('/node_modules/zod/') || id.endsWith('/zod-jitless.ts') ? 'zod' : undefined,
        },
      },
      chunkSizeWarningLimit: 2048,
    },
  },
});
