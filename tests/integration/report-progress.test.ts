/**
 * The export's progress follows the layout through the report's sections, in their order, with
 * the page reached — not every section named at once before the layout starts. Needs the built
 * worker (`npx electron-vite build`).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { renderReport, type Progress } from '../../electron/core/reports';
import { reportData } from '../../electron/core/reports/data';
import { reportSections } from '../../electron/core/reports/content/sections';
import { startTestCore } from '../helpers/core';

type Core = Awaited<ReturnType<typeof startTestCore>>;
let core: Core;
let assessmentId = '';

beforeAll(async () => {
  core = await startTestCore();
  assessmentId = (await seedDemo(core.ctx, { size: 'small', seed: 42 })).assessmentIds[0] ?? '';
}, 120_000);
afterAll(() => core?.close());

describe('report progress', () => {
  it('moves through the sections in order as they are laid out, naming the page reached', async () => {
    const seen: Progress[] = [];
    const out = await renderReport(core.ctx, { assessmentId, kind: 'full', draft: true }, (p) =>
      seen.push(p),
    );
    const layout = seen.flatMap((p) => {
      const m = /^Laying out (.+) — page (\d+)$/.exec(p.label);
      return m ? [{ section: m[1] ?? '', page: Number(m[2]), done: p.done, total: p.total }] : [];
    });
    const titles = reportSections(
      reportData(core.ctx, assessmentId, { kind: 'full', omitConfidential: false }),
    ).map((s) => s.title);
    const named = layout.map((x) => x.section).filter((t, i, all) => t !== all[i - 1]);
    expect(named).toEqual(['the contents', ...titles]);
    for (let i = 1; i < layout.length; i += 1) {
      const [before, now] = [layout[i - 1], layout[i]];
      expect(now?.done).toBeGreaterThanOrEqual(before?.done ?? 0);
      expect(now?.page).toBeGreaterThanOrEqual(before?.page ?? 0);
    }
    expect(layout.every((x) => x.total === titles.length && x.done < x.total)).toBe(true);
    expect(layout.at(-1)?.page).toBe(out.pages);
    expect(seen.at(-1)).toMatchObject({ label: 'Report rendered', done: out.pages });
  }, 120_000);

  it('says what it is doing in each pass: collecting, measuring then laying out the sections part by part, then numbering and writing every page', async () => {
    const seen: Progress[] = [];
    const out = await renderReport(core.ctx, { assessmentId, kind: 'full', draft: true }, (p) =>
      seen.push(p),
    );
    const titles = reportSections(
      reportData(core.ctx, assessmentId, { kind: 'full', omitConfidential: false }),
    ).map((s) => s.title);
    const labels = seen.map((p) => p.label);
    const pass = (label: string) =>
      /^(Collecting|Measuring|Laying out|Numbering|Writing|Report rendered)/.exec(label)?.[1] ??
      label;
    const passes = labels.map(pass).filter((p, i, all) => p !== all[i - 1]);
    // The contents is placed first; then the sections are laid out a few at a time (each part
    // measured, then placed), and the report takes more than one part; then every page is
    // numbered and written.
    expect(passes.slice(0, 2)).toEqual(['Collecting', 'Laying out']);
    expect(passes.slice(-3)).toEqual(['Numbering', 'Writing', 'Report rendered']);
    const parts = passes.slice(2, -3);
    expect(parts.length).toBeGreaterThanOrEqual(4);
    expect(parts).toEqual(parts.map((_, i) => (i % 2 === 0 ? 'Measuring' : 'Laying out')));
    for (const title of titles) {
      const measuredAt = labels.indexOf(`Measuring the text of ${title}`);
      expect(measuredAt, title).toBeGreaterThan(-1);
      expect(
        labels.findIndex((l) => l.startsWith(`Laying out ${title} — page`)),
        title,
      ).toBeGreaterThan(measuredAt);
    }
    const measured = seen.flatMap((p) => {
      const m = /^Measuring the text of (.+)$/.exec(p.label);
      return m ? [{ title: m[1], done: p.done, total: p.total }] : [];
    });
    expect(measured).toEqual(titles.map((title, i) => ({ title, done: i, total: titles.length })));
    const pages = Array.from({ length: out.pages }, (_, i) => i + 1);
    expect(labels.filter((l) => l.startsWith('Numbering'))).toEqual(
      pages.map((n) => `Numbering page ${n} of ${out.pages}`),
    );
    expect(labels.filter((l) => l.startsWith('Writing'))).toEqual(
      pages.map((n) => `Writing page ${n} of ${out.pages} into the PDF`),
    );
  }, 120_000);
});
