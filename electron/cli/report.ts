import fs from 'node:fs';
import path from 'node:path';
import { InvalidArgumentError, Option, type Command } from 'commander';
import { writeFileAtomicUnique } from '../core/files';
import { produceReport, type ReportFormat, type ReportKind } from '../core/reports';
import { openCore, reportAndExit } from './common';
import { readPassphrase } from './passphrase';

interface ReportOptions {
  dataDir?: string;
  assessment: string;
  out: string;
  identity?: string;
  draft?: boolean;
  kind: ReportKind;
  format?: ReportFormat;
  template?: string;
  omitConfidential?: boolean;
}

export function usage(message: string): Error {
  return Object.assign(new Error(message), { name: 'UsageError' });
}

function parseKind(value: string): ReportKind {
  if (value !== 'full' && value !== 'soa' && value !== 'risks')
    throw new InvalidArgumentError('must be full, soa or risks.');
  return value;
}

export function parseFormat(value: string): ReportFormat {
  if (value !== 'pdf' && value !== 'docx') throw new InvalidArgumentError('must be pdf or docx.');
  return value;
}

/** --format wins; without it a file named *.docx asks for Word, anything else for PDF. */
const formatOf = (opts: ReportOptions): ReportFormat =>
  opts.format ?? (/\.docx$/i.test(opts.out) ? 'docx' : 'pdf');

/** --identity or --draft, not both; a usage mistake leaves through main(), which exits 2. */
/**
 * The output options every signed record shares (`report`, `audit-report`, `review-minutes`):
 * the format, the signing identity, or a draft.
 */
export const formatOption = () =>
  new Option(
    '--format <format>',
    'pdf or docx (editable Word; names the signer, carries no digital signature); default from --out, else pdf',
  ).argParser(parseFormat);
export const identityOption = () =>
  new Option(
    '--identity <name>',
    'signing identity (name or id); passphrase from ASSAY_PASSPHRASE or a prompt',
  );
export const draftOption = () => new Option('--draft', 'unsigned; every page says DRAFT');

export function checkSigning(opts: { draft?: boolean; identity?: string }): void {
  if (!opts.draft && !opts.identity) throw usage('give --identity NAME to sign, or --draft.');
  if (opts.draft && opts.identity) throw usage('--draft and --identity exclude each other.');
}

/** The identity's passphrase (ASSAY_PASSPHRASE or a prompt), or none for a draft. */
export const signingPassphrase = (opts: { identity?: string }) =>
  opts.identity
    ? readPassphrase({ confirm: false, question: `Passphrase for "${opts.identity}": ` })
    : Promise.resolve(undefined);

/** Writes the file where --out says, never over an existing one (then as name-2.ext, said). */
export async function saveOutput(out: string, file: Buffer): Promise<string> {
  const target = path.resolve(out);
  const written = await writeFileAtomicUnique(path.dirname(target), path.basename(target), file);
  const finalPath = path.join(path.dirname(target), written);
  if (written !== path.basename(target))
    process.stderr.write(`assay: ${target} exists; wrote ${finalPath} instead.\n`);
  return finalPath;
}

export function registerReport(program: Command): void {
  program
    .command('report')
    .description(
      'Render an assessment as a PDF report (signed with an identity, or a draft) or as an editable Word document',
    )
    .option(
      '--data-dir <dir>',
      'data directory (default: ASSAY_DATA_DIR or the per-user app-data folder)',
    )
    .requiredOption('--assessment <id>', 'the assessment (see "assay assessments")')
    .requiredOption('--out <file>', 'where to write the report')
    .addOption(formatOption())
    .addOption(identityOption())
    .addOption(draftOption())
    .option(
      '--kind <kind>',
      'full, soa (Statement of Applicability) or risks (risk register)',
      parseKind,
      'full',
    )
    .option(
      '--template <name>',
      'a saved report template (Reports → Templates): its sections in its order (full report)',
    )
    .option('--omit-confidential', 'leave out interview notes and confidential evidence')
    .action(async (opts: ReportOptions) => {
      checkSigning(opts);
      try {
        const passphrase = await signingPassphrase(opts);
        const core = await openCore(opts.dataDir);
        try {
          const started = Date.now();
          let shown = '';
          const produced = await produceReport(
            core.ctx,
            {
              assessmentId: opts.assessment,
              kind: opts.kind,
              format: formatOf(opts),
              ...(opts.template === undefined ? {} : { template: opts.template }),
              draft: opts.draft === true,
              identityId: opts.identity,
              passphrase,
              omitConfidential: opts.omitConfidential === true,
            },
            (p) => {
              if (process.stderr.isTTY && p.label !== shown) {
                shown = p.label;
                process.stderr.write(`  ${p.label}…\n`);
              }
            },
          );
          const finalPath = await saveOutput(opts.out, produced.file);
          const what =
            produced.format === 'docx'
              ? `Word report${opts.draft ? ' (draft)' : ''}`
              : `${produced.signed ? 'Signed' : 'Draft'} report`;
          const pages = produced.pages === null ? '' : `${produced.pages} pages, `;
          process.stdout.write(
            `${what}: ${finalPath} (${pages}${fs.statSync(finalPath).size} bytes, ${((Date.now() - started) / 1000).toFixed(1)} s)\n`,
          );
        } finally {
          core.close();
        }
      } catch (error) {
        reportAndExit(error);
      }
    });
}
