import fs from 'node:fs';
import type { Command } from 'commander';
import type { CoreContext } from '../core/context';
import {
  auditReportRecord,
  minutesRecord,
  produceRecord,
  type ReportFormat,
} from '../core/reports';
import { openCore, reportAndExit } from './common';
import {
  checkSigning,
  draftOption,
  formatOption,
  identityOption,
  saveOutput,
  signingPassphrase,
} from './report';

interface RecordOptions {
  dataDir?: string;
  out: string;
  identity?: string;
  draft?: boolean;
  format?: ReportFormat;
}

interface RecordCommand {
  name: string;
  description: string;
  /** The option naming the record (--audit ID, --review ID) and what it is. */
  option: { flag: string; key: string; help: string };
  what: string;
  build(ctx: CoreContext, id: string, draft: boolean): ReturnType<typeof auditReportRecord>;
}

/** One command per signed record; both behave as `assay report` does (sign, or --draft). */
function registerRecord(program: Command, c: RecordCommand): void {
  program
    .command(c.name)
    .description(c.description)
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .requiredOption(c.option.flag, c.option.help)
    .requiredOption('--out <file>', 'where to write it')
    .addOption(formatOption())
    .addOption(identityOption())
    .addOption(draftOption())
    .action(async (opts: RecordOptions & Record<string, string>) => {
      checkSigning(opts);
      try {
        const passphrase = await signingPassphrase(opts);
        const core = await openCore(opts.dataDir);
        try {
          const id = opts[c.option.key] ?? '';
          const produced = await produceRecord(core.ctx, (draft) => c.build(core.ctx, id, draft), {
            format: opts.format ?? (/\.docx$/i.test(opts.out) ? 'docx' : 'pdf'),
            draft: opts.draft === true,
            identityId: opts.identity,
            passphrase,
          });
          const finalPath = await saveOutput(opts.out, produced.file);
          const how = produced.format === 'docx' ? 'Word' : produced.signed ? 'Signed' : 'Draft';
          const pages = produced.pages === null ? '' : `${produced.pages} pages, `;
          process.stdout.write(
            `${how} ${c.what}: ${finalPath} (${pages}${fs.statSync(finalPath).size} bytes)\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}

export function registerRecords(program: Command): void {
  registerRecord(program, {
    name: 'audit-report',
    description:
      'Render the report of an internal audit (ISO/IEC 42001 9.2) as a signed PDF (or a draft) or an editable Word document',
    option: { flag: '--audit <id>', key: 'audit', help: 'the internal audit' },
    what: 'internal audit report',
    build: auditReportRecord,
  });
  registerRecord(program, {
    name: 'review-minutes',
    description:
      'Render the minutes of a management review (ISO/IEC 42001 9.3) as a signed PDF (or a draft) or an editable Word document',
    option: { flag: '--review <id>', key: 'review', help: 'the management review' },
    what: 'management review minutes',
    build: minutesRecord,
  });
}
