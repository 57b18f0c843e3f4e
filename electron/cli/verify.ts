import fs from 'node:fs';
import path from 'node:path';
import type { Command } from 'commander';
import {
  normaliseFingerprint,
  verdictExitCodes,
  type TrustAssessment,
} from '../../shared/contracts/trust';
import { DataDirBusyError } from '../core/lock';
import { assessTrust, trustAnchors, type TrustAnchors } from '../core/trust';
import { checkSignedFile, NotSignedFile, type SignedFileCheck } from '../core/verify';
import { openCore, printable, reportAndExit } from './common';

interface VerifyOpts {
  dataDir?: string;
  expectFingerprint?: string;
}

function cannot(name: string, why: string): never {
  process.stderr.write(`assay: cannot check ${name}: ${printable(why)}\n`);
  process.exit(verdictExitCodes.unreadable);
}

/**
 * The data directory whose trusted signers count: --data-dir, else ASSAY_DATA_DIR; never the
 * per-user default behind the person's back (a script's answer must not depend on who runs it).
 * Never created: a directory that does not hold a store is an error.
 */
async function anchorsOf(
  opts: VerifyOpts,
): Promise<{ anchors: TrustAnchors | null; hint?: string }> {
  const dir = opts.dataDir ?? process.env.ASSAY_DATA_DIR;
  if (!dir) return { anchors: null };
  if (!fs.existsSync(path.join(dir, 'assay.db')))
    cannot(printable(dir), 'it is not an Assay data directory (no assay.db)');
  try {
    const core = await openCore(dir);
    try {
      return { anchors: trustAnchors(core.ctx), hint: opts.dataDir };
    } finally {
      core.close();
    }
  } catch (error) {
    if (error instanceof DataDirBusyError) cannot(printable(dir), error.message);
    reportAndExit(error);
  }
}

const VERDICT_LINES: Record<TrustAssessment['verdict'], string> = {
  trusted: 'TRUSTED',
  untrusted: 'INTACT, SIGNER NOT TRUSTED',
  altered: 'ALTERED OR INVALID — do not rely on this document',
  unreadable: 'UNREADABLE',
};

export function formatCheck(
  name: string,
  checked: SignedFileCheck,
  trust: TrustAssessment,
): string {
  const { check } = checked;
  const lines = [`File:        ${name}`];
  if (check.signer) {
    const s = check.signer;
    lines.push(
      `Signed by:   ${printable(s.name)} <${printable(s.email)}>${s.organisation ? `, ${printable(s.organisation)}` : ''} (as the certificate says)`,
      `Signed at:   ${check.signedAt ? `${check.signedAt} (claimed by the signer)` : 'unknown (no signing time in the signature)'}`,
      `Fingerprint: ${s.fingerprint} (SHA-256 of the certificate)`,
    );
    if (trust.selfSigned !== null)
      lines.push(
        `Issued by:   ${trust.selfSigned ? 'itself (self-signed)' : printable(trust.issuer ?? '')}`,
      );
  }
  if (checked.kind === 'pdf')
    lines.push(
      `Whole file:  ${checked.check.coversWholeFile ? 'yes — the signature covers every byte' : 'no'}`,
    );
  lines.push(`Result:      ${VERDICT_LINES[trust.verdict]}`, `  ${printable(trust.reason)}`);
  for (const problem of check.problems) lines.push(`  - ${printable(problem)}`);
  if (trust.verdict === 'trusted' || trust.verdict === 'untrusted')
    for (const note of check.notes) lines.push(`Note:        ${printable(note)}`);
  if (trust.howToTrust.length > 0) {
    lines.push('How to trust this signer:');
    for (const step of trust.howToTrust) lines.push(`  - ${printable(step)}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `assay verify FILE`: exit 0 trusted, 3 intact but the signer not trusted, 1 altered or invalid,
 * 2 unreadable. Trust comes from --data-dir (or ASSAY_DATA_DIR) or --expect-fingerprint.
 */
export function registerVerify(program: Command): void {
  program
    .command('verify')
    .description(
      'Check a signed PDF report or readiness pack: exit 0 trusted, 3 intact but the signer not trusted, 1 altered or invalid, 2 unreadable',
    )
    .argument('<file>', 'the signed PDF or pack (.zip)')
    .option(
      '--data-dir <dir>',
      'trust the signers this data directory trusts (default: ASSAY_DATA_DIR; none if unset)',
    )
    .option(
      '--expect-fingerprint <sha256>',
      'trust only a signer with this certificate fingerprint',
    )
    .action(async (file: string, opts: VerifyOpts) => {
      const name = printable(path.basename(file));
      const expected = opts.expectFingerprint ? normaliseFingerprint(opts.expectFingerprint) : null;
      if (opts.expectFingerprint && !expected)
        cannot(name, '--expect-fingerprint is not a SHA-256 fingerprint (64 hex digits)');
      try {
        if (!fs.statSync(file).isFile()) cannot(name, 'it is not a file');
      } catch (error) {
        cannot(
          name,
          error instanceof Error ? error.message.replace(/^[A-Z]+: /, '') : 'unreadable',
        );
      }
      const { anchors, hint } = await anchorsOf(opts);
      let checked: SignedFileCheck;
      try {
        checked = await checkSignedFile(file, name);
      } catch (error) {
        if (error instanceof NotSignedFile) cannot(name, error.message);
        throw error;
      }
      if (checked.check.unreadable)
        cannot(name, `it is not a readable pack: ${checked.check.problems.join(' ')}`);
      const trust = assessTrust(checked.check, anchors, {
        expectFingerprint: expected,
        dataDirHint: hint,
      });
      process.stdout.write(formatCheck(name, checked, trust));
      process.exitCode = verdictExitCodes[trust.verdict];
    });
}
