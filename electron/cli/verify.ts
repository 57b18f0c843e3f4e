import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import { verifyPack } from '../core/packs';
import {
  looksLikePdf,
  verifyPdf,
  type PdfSignatureCheck,
  type SignatureCheck,
} from '../core/signing';
import { isZip } from '../core/verify';
import { printable } from './common';

const MAX_BYTES = 200 * 1024 * 1024;

/** `assay verify FILE`: exit 0 valid, 1 invalid or altered, 2 unreadable. Needs no data directory. */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Check a signed PDF report or readiness pack (exit 0 valid, 1 invalid or altered, 2 unreadable)',
    )
    .argument('<file>', 'the signed PDF or pack (.zip)')
    .action(async (file: string) => {
      const name = printable(path.basename(file));
      let stat: fs.Stats;
      let head: Buffer;
      try {
        stat = fs.statSync(file);
        if (!stat.isFile()) throw new Error('not a file');
        const fd = fs.openSync(file, 'r');
        head = Buffer.alloc(Math.min(8, stat.size));
        fs.readSync(fd, head, 0, head.length, 0);
        fs.closeSync(fd);
      } catch (error) {
        const why = error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : 'unreadable';
        process.stderr.write(`assay: cannot read ${name}: ${printable(why)}\n`);
        process.exit(2);
      }
      if (isZip(file, head)) {
        // Packs are checked from the file as a stream: a pack with 1 GiB of evidence is fine.
        const pack = await verifyPack(file);
        if (pack.unreadable) {
          process.stderr.write(
            `assay: ${name} is not a readable pack: ${pack.problems.join(' ')}\n`,
          );
          process.exit(2);
        }
        process.stdout.write(formatCheck(name, pack));
        process.exitCode = pack.valid ? 0 : 1;
        return;
      }
      if (stat.size > MAX_BYTES) {
        process.stderr.write(
          `assay: cannot read ${name}: a PDF larger than 200 MB is not a report Assay wrote\n`,
        );
        process.exit(2);
      }
      const bytes = fs.readFileSync(file);
      if (!looksLikePdf(bytes)) {
        process.stderr.write(`assay: ${name} is not a PDF\n`);
        process.exit(2);
      }
      const check = await verifyPdf(bytes);
      process.stdout.write(formatCheck(name, check));
      process.exitCode = check.valid ? 0 : 1;
    });
}

export function formatCheck(name: string, check: SignatureCheck | PdfSignatureCheck): string {
  const lines = [`File:        ${name}`];
  if (check.signer) {
    const s = check.signer;
    lines.push(
      `Signed by:   ${printable(s.name)} <${printable(s.email)}>${s.organisation ? `, ${printable(s.organisation)}` : ''}`,
      `Signed at:   ${check.signedAt ?? 'unknown (no signing time in the signature)'}`,
      `Fingerprint: ${s.fingerprint} (SHA-256 of the certificate)`,
    );
  }
  if ('coversWholeFile' in check)
    lines.push(
      `Whole file:  ${check.coversWholeFile ? 'yes — the signature covers every byte' : 'no'}`,
    );
  if (check.valid)
    lines.push('Result:      VALID — intact since it was signed by the certificate shown.');
  else {
    lines.push('Result:      INVALID — do not rely on this document:');
    for (const problem of check.problems) lines.push(`  - ${printable(problem)}`);
  }
  return `${lines.join('\n')}\n`;
}
