import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { assayCli } from '../helpers/cli';
import { tempDir } from '../helpers/core';
import { pdfText } from '../helpers/pdf-text';

const assay = assayCli;

describe('assay audit-report and assay review-minutes', () => {
  it('write a signed audit report that assay verify accepts, draft minutes, and refuse usage mistakes', () => {
    const dataDir = tempDir('assay-cli-records-');
    expect(assay(['demo', '--data-dir', dataDir, '--size', 'small']).code).toBe(0);
    const db = new Database(path.join(dataDir, 'assay.db'), { readonly: true });
    const audit = db
      .prepare("SELECT id FROM internal_audits WHERE status = 'completed' ORDER BY held_from DESC")
      .get() as { id: string };
    const review = db.prepare('SELECT id FROM management_reviews').get() as { id: string };
    db.close();
    const passphrase = { ASSAY_PASSPHRASE: 'cli-records-1' };
    const created = assay(
      [
        'identity',
        'create',
        '--data-dir',
        dataDir,
        '--name',
        'Audit Lead',
        '--email',
        'lead@example.test',
      ],
      passphrase,
    );
    expect(created.code, created.stderr).toBe(0);
    const fingerprint = /fingerprint: (\S+)/.exec(created.stdout)?.[1] ?? '';

    const out = path.join(dataDir, 'audit.pdf');
    const signed = assay(
      [
        'audit-report',
        '--data-dir',
        dataDir,
        '--audit',
        audit.id,
        '--out',
        out,
        '--identity',
        'Audit Lead',
      ],
      passphrase,
    );
    expect(signed.code, signed.stderr).toBe(0);
    expect(signed.stdout).toMatch(
      /^Signed internal audit report: .*audit\.pdf \(\d+ pages, \d+ bytes\)/,
    );
    expect(pdfText(out)).toContain('Internal audit report');
    const verified = assay(['verify', out, '--expect-fingerprint', fingerprint]);
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);

    const minutes = path.join(dataDir, 'minutes.docx');
    const draft = assay([
      'review-minutes',
      '--data-dir',
      dataDir,
      '--review',
      review.id,
      '--out',
      minutes,
      '--draft',
    ]);
    expect(draft.code, draft.stderr).toBe(0);
    expect(draft.stdout).toMatch(/^Word management review minutes: /);
    expect(fs.readFileSync(minutes).subarray(0, 2).toString()).toBe('PK');

    // The review is planned: signed minutes are refused (exit 1); no --identity nor --draft: exit 2.
    const refused = assay(
      [
        'review-minutes',
        '--data-dir',
        dataDir,
        '--review',
        review.id,
        '--out',
        minutes,
        '--identity',
        'Audit Lead',
      ],
      passphrase,
    );
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/not held yet/);
    expect(
      assay(['audit-report', '--data-dir', dataDir, '--audit', audit.id, '--out', out]).code,
    ).toBe(2);
  });
});
