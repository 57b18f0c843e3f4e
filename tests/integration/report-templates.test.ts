/**
 * Named report templates: saved and checked through commands, and honoured by both renderers
 * (which sections, in what order, the sign-off always last) from the app and the CLI.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { startTestCore } from '../helpers/core';
import { caller } from '../helpers/risk-core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';
let lastYearId = '';
const cli = path.join(__dirname, '..', '..', 'bin', 'assay.cjs');

const pdfText = (file: string) =>
  spawnSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).stdout;
const h1s = async (file: string) =>
  [...(await mammoth.convertToHtml({ path: file })).value.matchAll(/<h1>(.*?)<\/h1>/g)].map((m) =>
    (m[1] ?? '').replace(/<[^>]+>/g, ''),
  );

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = demo.assessmentIds[0] ?? '';
  lastYearId = demo.previousAssessmentIds[0] ?? '';
}, 120_000);
let closed = false;
afterAll(() => {
  if (!closed) core?.close();
});

describe('report templates', () => {
  it('saves, lists (by name), replaces one of the same name and audits each change', async () => {
    const api = caller(core);
    expect(await api.ok('reports.templates', {})).toEqual([]);
    await api.ok('reports.saveTemplate', { name: 'Board pack', sections: ['summary', 'soa'] });
    await api.ok('reports.saveTemplate', { name: 'Auditor', sections: ['clauses'] });
    await api.ok('reports.saveTemplate', {
      name: 'board pack',
      sections: ['findings', 'summary', 'risks'],
    });
    expect(await api.ok('reports.templates', {})).toEqual([
      { name: 'Auditor', sections: ['clauses'] },
      { name: 'board pack', sections: ['findings', 'summary', 'risks'] },
    ]);
    const audit = core.store.sqlite
      .prepare(`SELECT action FROM audit_log WHERE entity_type = 'report-template' ORDER BY seq`)
      .all() as { action: string }[];
    expect(audit).toHaveLength(3);
  });

  it('refuses a template without sections, with one twice, with the sign-off or an unknown one', async () => {
    const api = caller(core);
    for (const sections of [[], ['soa', 'soa'], ['signoff'], ['appendix']]) {
      const refused = await api.fail('reports.saveTemplate', { name: 'Bad', sections });
      expect(refused.code, JSON.stringify(sections)).toBe('VALIDATION');
    }
    expect((await api.fail('reports.saveTemplate', { name: 'a/b', sections: ['soa'] })).code).toBe(
      'VALIDATION',
    );
    expect((await api.ok('reports.templates', {})).map((t) => t.name)).toEqual([
      'Auditor',
      'board pack',
    ]);
  });

  it('prints only the chosen sections, in the chosen order, in the PDF and the Word file', async () => {
    const api = caller(core);
    const pdf = await api.ok('reports.export', {
      assessmentId,
      draft: true,
      template: 'Board Pack',
    });
    const text = pdfText(path.join(core.dataDir, 'exports', pdf.fileName));
    const contents = text.slice(text.indexOf('Contents'), text.indexOf('Page 2 of'));
    const order = ['Findings', 'Executive summary', 'AI risk register', 'Sign-off'].map((t) =>
      contents.indexOf(t),
    );
    expect(order.every((at) => at >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    // The SoA section's own sentence (its title also names a document in the summary).
    for (const absent of ['Results by clause', 'Annex A controls, with whether', 'Evidence index'])
      expect(text, absent).not.toContain(absent);

    const docx = await api.ok('reports.export', {
      assessmentId,
      draft: true,
      format: 'docx',
      template: 'board pack',
    });
    expect(await h1s(path.join(core.dataDir, 'exports', docx.fileName))).toEqual([
      'Findings',
      'Executive summary',
      'AI risk register',
      'Sign-off',
    ]);
  }, 120_000);

  it('chooses the cycle and crosswalk sections too, and leaves the comparison out of a first assessment', async () => {
    const api = caller(core);
    await api.ok('reports.saveTemplate', {
      name: 'Follow-up',
      sections: ['nist', 'comparison', 'actions', 'euaiact'],
    });
    const docx = await api.ok('reports.export', {
      assessmentId,
      draft: true,
      format: 'docx',
      template: 'Follow-up',
    });
    expect(await h1s(path.join(core.dataDir, 'exports', docx.fileName))).toEqual([
      'NIST AI RMF coverage',
      'Since the previous assessment',
      'Corrective actions',
      'EU AI Act',
      'Sign-off',
    ]);
    // Last year's assessment has nothing earlier to compare with: no empty comparison section.
    for (const format of ['docx', 'pdf'] as const) {
      const first = await api.ok('reports.export', {
        assessmentId: lastYearId,
        draft: true,
        format,
        template: 'Follow-up',
      });
      const file = path.join(core.dataDir, 'exports', first.fileName);
      if (format === 'docx')
        expect(await h1s(file)).toEqual([
          'NIST AI RMF coverage',
          'Corrective actions',
          'EU AI Act',
          'Sign-off',
        ]);
      else {
        const text = pdfText(file);
        expect(text).toContain('Corrective actions');
        expect(text).not.toContain('Since the previous assessment');
      }
    }
    await api.ok('reports.deleteTemplate', { name: 'Follow-up' });
  }, 180_000);

  it('refuses an unknown template, and a template on the SoA or register report', async () => {
    const api = caller(core);
    const unknown = await api.fail('reports.export', {
      assessmentId,
      draft: true,
      template: 'Nope',
    });
    expect(unknown.code).toBe('NOT_FOUND');
    expect(unknown.message).toContain('"Nope"');
    const soa = await api.fail('reports.export', {
      assessmentId,
      kind: 'soa',
      draft: true,
      template: 'Auditor',
    });
    expect(soa.code).toBe('VALIDATION');
  });

  it('deletes a template', async () => {
    const api = caller(core);
    await api.ok('reports.deleteTemplate', { name: 'AUDITOR' });
    expect((await api.ok('reports.templates', {})).map((t) => t.name)).toEqual(['board pack']);
    expect((await api.fail('reports.deleteTemplate', { name: 'Auditor' })).code).toBe('NOT_FOUND');
  });

  it('assay report --template NAME --format docx|pdf uses the template', async () => {
    core.close();
    closed = true;
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [
          cli,
          'report',
          '--data-dir',
          core.dataDir,
          '--assessment',
          assessmentId,
          '--draft',
          ...args,
        ],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const docx = path.join(core.dataDir, 'board.docx');
    const ok = run(['--out', docx, '--template', 'Board pack', '--format', 'docx']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(await h1s(docx)).toEqual([
      'Findings',
      'Executive summary',
      'AI risk register',
      'Sign-off',
    ]);
    const pdf = path.join(core.dataDir, 'board.pdf');
    expect(run(['--out', pdf, '--template', 'Board pack']).status).toBe(0);
    expect(pdfText(pdf)).not.toContain('Annex A controls, with whether');
    const missing = run(['--out', pdf, '--template', 'Missing']);
    expect(missing.status).toBe(1);
    expect(missing.stderr).toContain('"Missing"');
  }, 120_000);
});
