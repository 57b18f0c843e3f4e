/**
 * The Word edition of the reports, read back with mammoth (a well-kept .docx reader): the same
 * sections as the PDF as real Heading 1s, real tables, charts as PNG images with alternative
 * text, the scores and the signer. Needs the built worker (`npx electron-vite build`).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import mammoth from 'mammoth';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { createSession } from '../../electron/core/sessions';
import { createIdentity } from '../../electron/core/identities';
import { readinessOf } from '../../electron/core/readiness';
import { sectionOrder, sectionTitles } from '../../electron/core/reports/content/sections';
import { comparisonHeadings } from '../../electron/core/reports/content/comparison';
import { reportData } from '../../electron/core/reports/data';
import { startTestCore } from '../helpers/core';
import { caller } from '../helpers/risk-core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';
const people = ['Łukasz Żółć', 'Αθηνά Παπαδοπούλου', 'Дмитрий Иванов'];
const hostile = 'Statement with <w:p> markup & "quotes" ]]> and a </w:t> end tag';

interface ReadBack {
  html: string;
  text: string;
  h1: string[];
  h2: string[];
  h3: string[];
  tables: number;
  images: { alt: string; png: Buffer }[];
  warnings: string[];
}

const plain = (html: string) =>
  html
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&');

const all = (html: string, tag: string) =>
  [...html.matchAll(new RegExp(`<${tag}>(.*?)</${tag}>`, 'g'))].map((m) => plain(m[1] ?? ''));

async function readBack(file: string): Promise<ReadBack> {
  const buffer = fs.readFileSync(file);
  const { value: html, messages } = await mammoth.convertToHtml({ buffer });
  const { value: text } = await mammoth.extractRawText({ buffer });
  const images = [...html.matchAll(/<img alt="([^"]*)" src="data:image\/png;base64,([^"]+)"/g)].map(
    (m) => ({ alt: plain(m[1] ?? ''), png: Buffer.from(m[2] ?? '', 'base64') }),
  );
  return {
    html,
    text,
    h1: all(html, 'h1'),
    h2: all(html, 'h2'),
    h3: all(html, 'h3'),
    tables: (html.match(/<table>/g) ?? []).length,
    images,
    // Word's own styles that mammoth has no HTML for (Title, contents levels) are not problems.
    warnings: messages
      .map((m) => m.message)
      .filter((m) => !/Unrecognised paragraph style: '(Title|toc \d)'/.test(m)),
  };
}

async function exportDocx(input: Record<string, unknown>): Promise<{
  file: string;
  r: { fileName: string; pages: number | null; signed: boolean; format: string };
}> {
  const r = await caller(core).ok('reports.export', {
    assessmentId,
    kind: 'full',
    draft: true,
    format: 'docx',
    ...input,
  });
  return { file: path.join(core.dataDir, 'exports', r.fileName), r };
}

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = demo.assessmentIds[0] ?? '';
  createSession(core.ctx, {
    assessmentId,
    heldAt: '2026-10-09T13:00:00.000Z',
    interviewees: people.map((name) => ({ name, role: 'Ομάδα ποιότητας' })),
    attendees: ['Dana Okafor'],
    requirementIds: ['iso-iec-42001-2023:6.1.2'],
    notes: '',
  });
  await caller(core).ok('findings.create', {
    assessmentId,
    requirementId: 'iso-iec-42001-2023:6.1.2',
    grade: 'observation',
    statement: hostile,
  });
}, 120_000);
let closed = false;
afterAll(() => {
  if (!closed) core?.close();
});

describe('Word reports', () => {
  let full: ReadBack;

  it('writes the full report as .docx: every PDF section a Heading 1, in the same order', async () => {
    const { file, r } = await exportDocx({});
    expect(r.fileName).toMatch(/^Northwind-Lending-Ltd-full-\d{4}-\d{2}-\d{2}\.docx$/);
    expect(r.format).toBe('docx');
    expect(r.pages).toBeNull();
    expect(r.signed).toBe(false);
    expect(fs.readFileSync(file).subarray(0, 2).toString('latin1')).toBe('PK');
    full = await readBack(file);
    expect(full.warnings).toEqual([]);
    expect(full.h1).toEqual(sectionOrder.full.map((id) => sectionTitles[id]));
    // Areas as Heading 2, requirements and findings as Heading 3 (the navigation pane's tree).
    expect(full.h2).toContain('6 Planning');
    expect(full.h2).toContain('A.6 AI system life cycle');
    expect(full.h3.some((h) => h.startsWith('6.1.2'))).toBe(true);
    expect(full.h3.some((h) => h.startsWith('A.6.2.4'))).toBe(true);
    expect(full.h3.some((h) => /^F-\d+ /.test(h))).toBe(true);
  }, 120_000);

  it('holds real tables, the scores, the people and the typed text as text', async () => {
    // Sessions, documented information, SoA, bands, the register and the evidence index at least.
    expect(full.tables).toBeGreaterThanOrEqual(6);
    for (const header of ['Control', 'Justification', 'Implemented', 'SHA-256', 'Owner / status'])
      expect(full.html).toContain(`<th><p><strong>${header}</strong></p></th>`);
    const readiness = readinessOf(core.ctx, assessmentId);
    const overall = `${Math.round((readiness.overall.score ?? 0) * 100)} %`;
    expect(full.text).toContain(`${overall}  overall readiness score`);
    expect(full.text).toContain('Northwind Lending Ltd');
    expect(full.text).toContain('DRAFT — not signed');
    for (const name of people) expect(full.text, name).toContain(name);
    // Markup in what a person typed stays text: it neither breaks the file nor becomes XML.
    expect(full.text).toContain(hostile);
  });

  it('holds the corrective actions, the comparison, the EU AI Act and NIST coverage as the PDF does, from the same data', () => {
    const d = reportData(core.ctx, assessmentId, { kind: 'full', omitConfidential: false });
    const { actions, comparison, euAiAct, nistCoverage } = d;
    if (!actions || !comparison || !euAiAct || !nistCoverage) throw new Error('sections missing');
    for (const h of Object.values(comparisonHeadings)) expect(full.h2).toContain(h);
    expect(full.h2).toContain('Obligations ISO/IEC 42001 helps with');
    expect(full.h2).toContain('Obligations ISO/IEC 42001 does not cover');
    for (const header of ['Root cause and action', 'Owner, due', 'Then', 'Change', 'Risk class'])
      expect(full.html, header).toContain(`<th><p><strong>${header}</strong></p></th>`);
    expect(full.html).toContain('<th><p><strong>No counterpart</strong></p></th>');
    expect(actions.rows.length).toBeGreaterThan(0);
    for (const row of actions.rows) {
      expect(full.text, row.ref).toContain(`${row.ref} · ${row.grade}`);
      expect(full.text, row.ref).toContain(row.status);
    }
    expect(full.text).toMatch(/\d+ actions? answer the findings of this assessment/);
    expect(full.text).toContain(`Compared with “${comparison.previousTitle}”`);
    for (const row of comparison.changed) expect(full.text, row.ref).toContain(row.title);
    for (const o of euAiAct.obligations)
      expect(full.h3, o.id).toContain(
        o.title + ' (' + o.articles.map((a) => a.ref).join(', ') + ')',
      );
    for (const f of nistCoverage.functions) expect(full.text).toContain(`${f.title} ${f.score} %`);
    // Under each requirement: the evidence linked to it and the findings raised against it.
    const withBoth = d.results.find((r) => r.evidence.length > 0 && r.findings.length > 0);
    if (!withBoth) throw new Error('the demo links evidence to a requirement with findings');
    expect(full.text).toContain(`Evidence seen: ${withBoth.evidence.join('; ')}`);
    expect(full.text).toContain(`Findings: ${withBoth.findings.join(', ')}`);
  });

  it('draws the score bars, heat maps, readiness trend and NIST coverage as PNG images with the figures in their alt text', () => {
    expect(full.images).toHaveLength(6);
    for (const image of full.images) {
      expect(image.png.subarray(1, 4).toString('latin1')).toBe('PNG');
      expect(image.png.readUInt32BE(16)).toBeGreaterThan(300); // width in pixels
    }
    const readiness = readinessOf(core.ctx, assessmentId);
    const clause = readiness.sections.find((s) => s.area === '6');
    const bars = full.images.find((i) => i.alt.startsWith('Score by clause'));
    expect(bars?.alt).toContain(`6 Planning ${Math.round((clause?.score ?? 0) * 100)} %`);
    expect(full.images.some((i) => i.alt.startsWith('Inherent risk heat map'))).toBe(true);
    expect(full.images.some((i) => i.alt.startsWith('Residual risk heat map'))).toBe(true);
    expect(full.images.some((i) => i.alt.startsWith('Readiness over every cycle: '))).toBe(true);
    const nist = full.images.find((i) => i.alt.startsWith('NIST AI RMF coverage by category'));
    expect(nist?.alt).toMatch(/: [^;]+ \d+ % \(\d+ supported, \d+ partly supported, /);
  });

  it('names the signer on the sign-off once the passphrase proves the identity, and says the PDF carries the signature', async () => {
    await createIdentity(core.ctx, {
      name: 'Zoe Angstrom',
      organisation: 'Soren and Lukasz GmbH',
      email: 'zoe@example.test',
      role: 'Lead assessor',
      passphrase: 'correct horse battery',
    });
    const wrong = await caller(core).fail('reports.export', {
      assessmentId,
      format: 'docx',
      draft: false,
      identityId: 'Zoe Angstrom',
      passphrase: 'wrong passphrase',
    });
    expect(wrong.code).toBe('VALIDATION');
    const { file, r } = await exportDocx({
      draft: false,
      identityId: 'Zoe Angstrom',
      passphrase: 'correct horse battery',
    });
    expect(r.signed).toBe(false);
    const signed = await readBack(file);
    expect(signed.text).toContain('Signed off by Zoe Angstrom');
    expect(signed.text).toContain('Soren and Lukasz GmbH');
    expect(signed.text).toMatch(/Certificate SHA-256\s+([0-9A-F]{2}:){15}/);
    expect(signed.text).toContain('it carries no digital signature');
    expect(signed.text).not.toContain('DRAFT — not signed');
  }, 120_000);

  it('writes the SoA alone and the risk register alone, and leaves out notes when asked', async () => {
    const soa = await readBack((await exportDocx({ kind: 'soa' })).file);
    expect(soa.h1).toEqual(['Statement of Applicability', 'Sign-off']);
    expect(soa.text).toContain('A.10.4');
    const risks = await readBack((await exportDocx({ kind: 'risks' })).file);
    expect(risks.h1).toEqual(['AI systems', 'AI risk register', 'Sign-off']);
    expect(risks.text).toContain('R-001');
    expect(risks.images).toHaveLength(2);
    const withNotes = core.store.sqlite
      .prepare(`SELECT notes FROM responses WHERE assessment_id = ? AND length(notes) > 40 LIMIT 1`)
      .get(assessmentId) as { notes: string };
    const fragment = withNotes.notes.slice(0, 30);
    expect(full.text).toContain(fragment);
    const omitted = await readBack((await exportDocx({ omitConfidential: true })).file);
    expect(omitted.text).not.toContain(fragment);
    expect(omitted.text).toContain('leaves out interview notes');
  }, 180_000);

  it('assay report --format docx writes a Word file; an unknown format exits 2', async () => {
    core.close();
    closed = true;
    const cli = path.join(__dirname, '..', '..', 'bin', 'assay.cjs');
    const target = path.join(core.dataDir, 'cli-risks.docx');
    const run = (args: string[]) =>
      spawnSync(
        process.execPath,
        [cli, 'report', '--data-dir', core.dataDir, '--assessment', assessmentId, ...args],
        { encoding: 'utf8', timeout: 60_000 },
      );
    const ok = run(['--out', target, '--draft', '--kind', 'risks', '--format', 'docx']);
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Word report \(draft\): .*cli-risks\.docx \(\d+ bytes/);
    expect((await readBack(target)).h1).toEqual(['AI systems', 'AI risk register', 'Sign-off']);
    // Without --format, the name decides.
    const byName = path.join(core.dataDir, 'by-name.docx');
    expect(run(['--out', byName, '--draft', '--kind', 'soa']).status).toBe(0);
    expect((await readBack(byName)).h1[0]).toBe('Statement of Applicability');
    const bad = run(['--out', target, '--draft', '--format', 'odt']);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('must be pdf or docx');
  }, 120_000);
});
