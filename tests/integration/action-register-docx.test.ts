/**
 * The corrective-action register as a Word document, beside its CSV and XLSX: read back with
 * mammoth (headings, a real table, every action and the unanswered nonconformities) and its
 * footer from the file itself (the consultancy's name).
 */
import mammoth from 'mammoth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { req } from '../helpers/cycle';
import { readZip } from '../helpers/hostile-zip';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

describe('the corrective-action register in Word', () => {
  it('lists every action with its cause, owner, due date and status, and what has no action yet', async () => {
    const { ok } = caller(core);
    await ok('branding.save', { consultancyName: 'Okafor Assurance LLP' });
    const engagement = await ok('engagements.create', {
      clientName: 'Contoso Health',
      aimsScope: 'Triage models',
      leadAssessor: 'Dana Okafor',
    });
    const assessment = await ok('assessments.create', {
      engagementId: engagement.id,
      title: 'Gap assessment',
    });
    const raise = (ref: string, statement: string) =>
      ok('findings.create', {
        assessmentId: assessment.id,
        requirementId: req(ref),
        grade: 'major',
        statement,
      });
    const answered = await raise('6.1.2', 'AI risks are not assessed before release.');
    const unanswered = await raise('8.2', 'No impact assessment <w:t> & "quotes".');
    await ok('correctiveActions.save', {
      findingId: answered.id,
      correction: 'Stopped the release until the check was done.',
      rootCauseMethod: 'five-whys',
      whys: ['No check before release.'],
      rootCause: 'The checklist has no owner.',
      action: 'Give the checklist an owner & add the check.',
      owner: 'Head of ML',
      dueDate: '2020-01-31',
    });

    const out = await ok('correctiveActions.exportDocx', { engagementId: engagement.id });
    expect(out.fileName).toMatch(/^Contoso-Health-corrective-actions-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(out.rows).toBe(1);
    const buffer = Buffer.from(out.contentBase64, 'base64');
    const { value: html } = await mammoth.convertToHtml({ buffer });
    const { value: text } = await mammoth.extractRawText({ buffer });
    expect(html.match(/<table>/g)).toHaveLength(1);
    for (const header of ['Finding', 'Root cause and action', 'Owner, due', 'Status'])
      expect(html).toContain(`<th><p><strong>${header}</strong></p></th>`);
    expect(text).toContain('Corrective-action register');
    expect(text).toContain(
      '1 action answer the findings of every assessment of this engagement; 1 is overdue.',
    );
    expect(text).toContain(`${answered.ref} · Major nonconformity`);
    expect(text).toContain('Cause: The checklist has no owner.');
    expect(text).toContain('Action: Give the checklist an owner & add the check.');
    expect(text).toMatch(/Head of ML\s*2020-01-31\s*\d+ days overdue/);
    expect(text).toContain('Open');
    expect(text).toContain(
      `Nonconformities with no corrective action yet: ${unanswered.ref} (Gap assessment, 8.2).`,
    );
    const footer = (await readZip(buffer)).find((e) => e.name === 'word/footer1.xml');
    expect(footer?.data.toString('utf8')).toContain('Okafor Assurance LLP');
  });
});
