/**
 * PDF reports end to end on the small demo. The render worker is a built file: run
 * `npx electron-vite build` before these tests (npm test builds first).
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { createSession } from '../../electron/core/sessions';
import { createIdentity } from '../../electron/core/identities';
import { countPages } from '../../electron/core/reports/worker-pages';
import { startTestCore, tempDir } from '../helpers/core';
import { caller } from '../helpers/risk-core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';
const out = process.env.REPORT_OUT ?? tempDir('assay-report-');
const people = [
  'Łukasz Żółć',
  'Søren Kierkegård',
  'Zoe Angstrom',
  'Αθηνά Παπαδοπούλου',
  'Дмитрий Иванов',
];

function tool(cmd: string, args: string[]): string {
  const r = spawnSync(cmd, args, { encoding: 'utf8', timeout: 60_000, maxBuffer: 64 << 20 });
  if (r.error) throw r.error;
  return `${r.stdout}${r.stderr}`;
}
const text = (file: string) => tool('pdftotext', ['-layout', file, '-']);
const pdfPages = (file: string) => Number(/Pages:\s+(\d+)/.exec(tool('pdfinfo', [file]))?.[1]);

/** Share of non-white pixels in a PNG (8-bit RGB, as pdftoppm writes it). */
function inkShare(png: Buffer): number {
  let pos = 8;
  let width = 0;
  let height = 0;
  let channels = 3;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    const type = png.toString('latin1', pos + 4, pos + 8);
    const data = png.subarray(pos + 8, pos + 8 + len);
    if (type === 'IHDR') {
      width = data.readUInt32BE(0);
      height = data.readUInt32BE(4);
      channels = { 0: 1, 2: 3, 4: 2, 6: 4 }[data[9] ?? 2] ?? 3;
    }
    if (type === 'IDAT') idat.push(data);
    pos += 12 + len;
  }
  const raw = zlib.inflateSync(Buffer.concat(idat));
  const stride = width * channels;
  const prev = Buffer.alloc(stride);
  const row = Buffer.alloc(stride);
  let ink = 0;
  for (let y = 0; y < height; y += 1) {
    const base = y * (stride + 1);
    const filter = raw[base] ?? 0;
    for (let x = 0; x < stride; x += 1) {
      const v = raw[base + 1 + x] ?? 0;
      const a = x >= channels ? (row[x - channels] ?? 0) : 0;
      const b = prev[x] ?? 0;
      const c = x >= channels ? (prev[x - channels] ?? 0) : 0;
      const p = a + b - c;
      const pr =
        Math.abs(p - a) <= Math.abs(p - b) && Math.abs(p - a) <= Math.abs(p - c)
          ? a
          : Math.abs(p - b) <= Math.abs(p - c)
            ? b
            : c;
      row[x] = (v + [0, a, b, (a + b) >> 1, pr][filter]!) & 0xff;
    }
    for (let x = 0; x < width; x += 1) {
      if ((row[x * channels] ?? 255) < 235) ink += 1;
    }
    row.copy(prev);
  }
  return ink / (width * height);
}

function pagePng(file: string, page: number): Buffer {
  const prefix = path.join(out, `${path.basename(file, '.pdf')}-p${page}`);
  tool('pdftoppm', [
    '-r',
    '60',
    '-png',
    '-f',
    String(page),
    '-l',
    String(page),
    '-singlefile',
    file,
    prefix,
  ]);
  return fs.readFileSync(`${prefix}.png`);
}

beforeAll(async () => {
  core = await startTestCore();
  const demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
  assessmentId = demo.assessmentIds[0] ?? '';
  createSession(core.ctx, {
    assessmentId,
    heldAt: '2026-10-09T13:00:00.000Z',
    interviewees: people.map((name) => ({ name, role: 'Ομάδα ποιότητας / Отдел качества' })),
    attendees: ['Dana Okafor'],
    requirementIds: ['iso-iec-42001-2023:6.1.2', 'iso-iec-42001-2023:A.6.2.4'],
    notes: '',
  });
}, 120_000);
let closed = false;
afterAll(() => {
  if (!closed) core?.close();
});

describe('PDF reports', () => {
  let full = '';

  it('renders the full draft with every section, identifiers, Unicode names and DRAFT', async () => {
    const started = Date.now();
    const r = await caller(core).ok('reports.export', { assessmentId, kind: 'full', draft: true });
    full = path.join(core.dataDir, 'exports', r.fileName);
    fs.copyFileSync(full, path.join(out, 'full.pdf'));
    console.log(`full draft: ${r.pages} pages, ${r.bytes} bytes, ${Date.now() - started} ms`);
    expect(r.fileName).toMatch(/^Northwind-Lending-Ltd-full-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(r.signed).toBe(false);
    expect(Buffer.from(r.base64, 'base64').length).toBe(r.bytes);
    expect(pdfPages(full)).toBe(r.pages);
    expect(r.pages).toBeGreaterThan(10);
    const t = text(full);
    for (const heading of [
      'Contents',
      'Executive summary',
      'Scope and method',
      'Results by clause',
      'Results by Annex A area',
      'Findings',
      'Statement of Applicability',
      'AI systems',
      'AI risk register',
      'Impact assessments',
      'Evidence index',
      'Sign-off',
    ])
      expect(t, heading).toContain(heading);
    for (const id of [
      '6.1.2',
      'A.6.2.4',
      'Northwind Lending Ltd',
      'DRAFT — not signed',
      `Page 3 of ${r.pages}`,
    ])
      expect(t, id).toContain(id);
    for (const name of people) expect(t, name).toContain(name);
    // Every page carries the draft mark in its header.
    expect(t.match(/DRAFT — not signed/g)?.length ?? 0).toBeGreaterThanOrEqual(r.pages ?? Infinity);
  }, 120_000);

  it('states both stage verdicts, every gate with what blocks it, the documented information and the consistency checks', async () => {
    const view = await caller(core).ok('readiness.get', { assessmentId });
    // Reading order (no -layout), so a table cell's lines stay together.
    const t = tool('pdftotext', [full, '-']).replace(/\s+/g, ' ');
    for (const heading of [
      'Certification readiness',
      'Stage 1 — documentation review',
      'Stage 2 — on-site audit',
      'Gates before “ready”',
      'Documented information',
      'Consistency checks',
    ])
      expect(t, heading).toContain(heading);
    for (const stage of view.stages) {
      expect(t, `stage ${stage.stage} note`).toContain(stage.note.replace(/\s+/g, ' '));
      // Every blocking reason is printed whole (under its stage, or in the gates table).
      for (const b of stage.blockers) expect(t, b.reason).toContain(b.reason.replace(/\s+/g, ' '));
    }
    expect(view.stages.some((s) => s.blockers.length > 0)).toBe(true);
    for (const gate of view.gates) expect(t, gate.label).toContain(gate.label);
    for (const doc of view.documents.filter((x) => x.required).slice(0, 5))
      expect(t, doc.label).toContain(doc.label.replace(/\s+/g, ' '));
    const check = view.checks[0];
    if (check) expect(t).toContain(check.message.replace(/\s+/g, ' '));
    else expect(t).toContain('agree with each other');
  });

  it('draws pages that are not blank (cover and a middle page)', () => {
    const pages = pdfPages(full);
    for (const page of [1, Math.ceil(pages / 2)]) {
      const share = inkShare(pagePng(full, page));
      expect(share, `page ${page}`).toBeGreaterThan(0.01);
    }
  });

  it('prints in the contents the page each section starts on', () => {
    const pageText = (page: number) =>
      tool('pdftotext', ['-layout', '-f', String(page), '-l', String(page), full, '-']);
    const contents = pageText(2);
    const entries = [...contents.matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => ({
      title: m[1] ?? '',
      page: Number(m[2]),
    }));
    expect(entries.map((e) => e.title)).toEqual([
      'Executive summary',
      'Certification readiness',
      'Scope and method',
      'Results by clause',
      'Results by Annex A area',
      'Findings',
      'Corrective actions',
      'Since the previous assessment',
      'Statement of Applicability',
      'Documented information',
      'AI systems',
      'AI risk register',
      'Impact assessments',
      'Consistency checks',
      'EU AI Act',
      'NIST AI RMF coverage',
      'Evidence index',
      'Sign-off',
    ]);
    for (const { title, page } of entries) {
      // The section's heading is the first line under the running header of its first page.
      const lines = pageText(page)
        .split('\n')
        .map((l) => l.trim())
        .filter(Boolean);
      expect(lines[1], `${title} on page ${page}`).toBe(title);
      expect(pageText(page - 1), `${title} not before page ${page}`).not.toMatch(
        new RegExp(`^\\s*${title}\\s*$`, 'm'),
      );
    }
  });

  it('leaves out notes and confidential evidence when asked', async () => {
    const withNotes = core.store.sqlite
      .prepare(`SELECT notes FROM responses WHERE assessment_id = ? AND length(notes) > 40 LIMIT 1`)
      .get(assessmentId) as { notes: string };
    const fragment = withNotes.notes.slice(0, 30);
    expect(text(full).replace(/\s+/g, ' ')).toContain(fragment.replace(/\s+/g, ' '));
    const r = await caller(core).ok('reports.export', {
      assessmentId,
      kind: 'full',
      draft: true,
      omitConfidential: true,
    });
    const t = text(path.join(core.dataDir, 'exports', r.fileName)).replace(/\s+/g, ' ');
    expect(t).not.toContain(fragment.replace(/\s+/g, ' '));
    expect(t).toContain('leaves out interview notes');
    const confidential = core.store.sqlite
      .prepare(`SELECT count(*) AS n FROM evidence_items WHERE classification = 'confidential'`)
      .get() as { n: number };
    if (confidential.n > 0) expect(t).toMatch(/confidential items? (is|are) left out/);
  }, 120_000);

  it('renders the SoA alone and the risk register alone', async () => {
    const soa = await caller(core).ok('reports.export', { assessmentId, kind: 'soa', draft: true });
    const soaText = text(path.join(core.dataDir, 'exports', soa.fileName));
    expect(soaText).toContain('Statement of Applicability');
    expect(soaText).toContain('A.10.4');
    expect(soaText).not.toContain('Executive summary');
    const risks = await caller(core).ok('reports.export', {
      assessmentId,
      kind: 'risks',
      draft: true,
    });
    const riskText = text(path.join(core.dataDir, 'exports', risks.fileName));
    expect(riskText).toContain('Inherent risk');
    expect(riskText).toContain('Residual risk');
    expect(riskText).toContain('R-001');
    expect(soa.fileName).not.toBe(risks.fileName);
  }, 120_000);

  it('refuses a signed export without identity, and a wrong passphrase before rendering', async () => {
    const missing = await caller(core).fail('reports.export', {
      assessmentId,
      kind: 'full',
      draft: false,
    });
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toMatch(/identity/);
    await createIdentity(core.ctx, {
      name: 'Zoe Angstrom',
      organisation: 'Soren and Lukasz GmbH',
      email: 'zoe@example.test',
      role: 'Lead assessor',
      passphrase: 'correct horse battery',
    });
    const wrong = await caller(core).fail('reports.export', {
      assessmentId,
      draft: false,
      identityId: 'Zoe Angstrom',
      passphrase: 'wrong passphrase',
    });
    expect(wrong.code).toBe('VALIDATION');
  }, 120_000);

  it('signs: pdfsig says valid and total, the sign-off names the signer, a changed byte breaks it', async () => {
    const r = await caller(core).ok('reports.export', {
      assessmentId,
      kind: 'full',
      draft: false,
      identityId: 'Zoe Angstrom',
      passphrase: 'correct horse battery',
    });
    expect(r.signed).toBe(true);
    const file = path.join(core.dataDir, 'exports', r.fileName);
    fs.copyFileSync(file, path.join(out, 'signed.pdf'));
    const sig = tool('pdfsig', [file]);
    expect(sig).toContain('Signature is Valid.');
    expect(sig).toContain('Total document signed');
    const t = text(file);
    expect(t).toContain('Digitally signed by Zoe Angstrom');
    expect(t).toContain('Soren and Lukasz GmbH');
    expect(t).not.toContain('DRAFT — not signed');
    const bytes = fs.readFileSync(file);
    const at = bytes.indexOf('Executive summary');
    const tampered = path.join(out, 'tampered.pdf');
    const flip = at > 0 ? at : 2000;
    bytes.writeUInt8(bytes.readUInt8(flip) ^ 0x01, flip);
    fs.writeFileSync(tampered, bytes);
    expect(tool('pdfsig', [tampered])).not.toContain('Signature is Valid.');
  }, 120_000);

  it('assay report: draft to --out, and a usage mistake exits 2', () => {
    // The CLI opens the data directory itself, so the test core lets go of it first.
    core.close();
    closed = true;
    const cli = path.join(__dirname, '..', '..', 'bin', 'assay.cjs');
    const target = path.join(out, 'cli-soa.pdf');
    fs.rmSync(target, { force: true });
    const ok = spawnSync(
      process.execPath,
      [
        cli,
        'report',
        '--data-dir',
        core.dataDir,
        '--assessment',
        assessmentId,
        '--out',
        target,
        '--draft',
        '--kind',
        'soa',
      ],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/Draft report: .*cli-soa\.pdf \(\d+ pages/);
    expect(text(target)).toContain('Statement of Applicability');
    const usage = spawnSync(
      process.execPath,
      [cli, 'report', '--data-dir', core.dataDir, '--assessment', assessmentId, '--out', target],
      { encoding: 'utf8', timeout: 60_000 },
    );
    expect(usage.status).toBe(2);
    expect(usage.stderr).toContain('--identity NAME to sign, or --draft');
  }, 120_000);

  it('counts pages in plain react-pdf output', () => {
    expect(countPages(new Uint8Array(fs.readFileSync(full)))).toBe(pdfPages(full));
  });
});
