import path from 'node:path';
import { InvalidArgumentError, type Command } from 'commander';
import { startWebServer } from '../web/server';
import { createUploadHandler } from '../web/upload';
import { appRoot, openCore, reportAndExit } from './common';

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('Run Assay in browser mode on 127.0.0.1 and print the URL to open')
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .option('--port <port>', 'port on 127.0.0.1 (default: any free port)', parsePort)
    .option('--renderer-dir <dir>', 'built renderer to serve (default: out/renderer)')
    .action(async (opts: { dataDir?: string; port?: number; rendererDir?: string }) => {
      try {
        const started = Date.now();
        const core = await openCore(opts.dataDir);
        const server = await startWebServer({
          dispatcher: core.dispatcher,
          events: core.events,
          rendererDir: opts.rendererDir ?? path.join(appRoot(), 'out', 'renderer'),
          port: opts.port,
          token: process.env.ASSAY_TOKEN,
          upload: createUploadHandler(core.ctx),
        });
        process.stdout.write(
          `Assay ${core.ctx.version} — browser mode\n` +
            `Data directory: ${core.ctx.dataDir}\n` +
            `Open: ${server.openUrl}\n` +
            `Ready in ${Date.now() - started} ms. Press Ctrl+C to stop.\n`,
        );
        let stopping = false;
        const stop = () => {
          if (stopping) return;
          stopping = true;
          void server.close().then(() => {
            core.close();
            process.exit(0);
          });
        };
        process.on('SIGINT', stop);
        process.on('SIGTERM', stop);
      } catch (error) {
        reportAndExit(error);
      }
    });
}

function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) {
    throw new InvalidArgumentError('must be a whole number from 0 to 65535.');
  }
  return port;
}
