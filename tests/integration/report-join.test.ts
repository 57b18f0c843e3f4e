/**
 * The full report is laid out in parts and joined (electron/core/reports/pdf-join.ts): pages in
 * order, each with its own footer stamped on, one outline whose entries (nested ones too) lead to
 * the right pages, and the document's properties kept.
 */
import { spawnSync } from 'node:child_process';
import { createElement as h } from 'react';
import type * as ReactPdf from '@react-pdf/renderer';
import { afterAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo';
import { renderReport } from '../../electron/core/reports';
import { reportData } from '../../electron/core/reports/data';
import { reportSections } from '../../electron/core/reports/content/sections';
import { startTestCore } from '../helpers/core';
import { bookmarked } from '../../electron/core/reports/document/kit';
import { joinParts } from '../../electron/core/reports/pdf-join';
import { countPages } from '../../electron/core/reports/worker-pages';

type Rp = typeof ReactPdf;

const props = {
  title: 'Joined report',
  author: 'Dana Okafor',
  language: 'en',
  pageMode: 'useOutlines' as const,
};

async function pdf(P: Rp, pages: ReturnType<typeof h>[]): Promise<Uint8Array> {
  const doc = h(P.Document, props, ...pages);
  return new Uint8Array(await P.renderToBuffer(doc as Parameters<Rp['renderToBuffer']>[0]));
}

function pageText(file: Uint8Array, page: number): string {
  const r = spawnSync('pdftotext', ['-layout', '-f', String(page), '-l', String(page), '-', '-'], {
    input: Buffer.from(file),
    encoding: 'utf8',
  });
  return r.stdout;
}

async function outline(file: Uint8Array): Promise<string[]> {
  const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
  const doc = await pdfjs.getDocument({ data: file.slice(), verbosity: 0 }).promise;
  const out: string[] = [];
  type Item = { title: string; dest: unknown; items: Item[] };
  const walk = async (items: Item[] | null, depth: number) => {
    for (const item of items ?? []) {
      const dest = (
        typeof item.dest === 'string' ? await doc.getDestination(item.dest) : item.dest
      ) as [{ num: number; gen: number }] | null;
      const page = dest ? (await doc.getPageIndex(dest[0])) + 1 : null;
      out.push(`${'  '.repeat(depth)}${item.title} → ${page}`);
      await walk(item.items, depth + 1);
    }
  };
  await walk((await doc.getOutline()) as Item[] | null, 0);
  const meta = (await doc.getMetadata()).info as Record<string, unknown>;
  out.push(
    `title ${String(meta.Title)}, author ${String(meta.Author)}, language ${String(meta.Language)}`,
  );
  return out;
}

describe('joining the report parts', () => {
  it('keeps every page in order with its own footer, one outline leading to the right pages, and the properties', async () => {
    const P = (await import('@react-pdf/renderer')) as Rp;
    const page = (key: string, bookmark: string | null, ...children: ReturnType<typeof h>[]) =>
      h(P.Page, { key, size: 'A4', ...(bookmark ? { bookmark } : {}) }, ...children);
    const text = (t: string, more: object = {}) => h(P.Text, more, t);
    const front = await pdf(P, [
      page('cover', 'Cover', text('The cover')),
      page('toc', 'Contents', text('The contents')),
    ]);
    const findings = await pdf(P, [
      page(
        'findings',
        null,
        h(P.View, bookmarked({ title: 'Findings', fit: true }), text('Findings heading')),
        text('First finding'),
        h(
          P.View,
          { break: true, ...bookmarked({ title: 'Minor findings' }) },
          text('A minor finding'),
        ),
      ),
    ]);
    const signoff = await pdf(P, [
      page('signoff', null, h(P.View, bookmarked('Sign-off'), text('Signed by Dana Okafor'))),
    ]);
    const total = 5;
    const footers = await pdf(
      P,
      Array.from({ length: total }, (_, i) =>
        page(
          `f${i}`,
          null,
          text(`Page ${i + 1} of ${total}`, {
            style: { position: 'absolute', top: 800, right: 48 },
          }),
        ),
      ),
    );
    const stamped: number[] = [];

    const joined = await joinParts([front, findings, signoff], footers, (n) => stamped.push(n));

    expect(countPages(joined)).toBe(total);
    expect(stamped).toEqual([1, 2, 3, 4, 5]);
    const bodies = ['The cover', 'The contents', 'First finding', 'A minor finding', 'Signed by'];
    bodies.forEach((body, i) => {
      const t = pageText(joined, i + 1);
      expect(t, `page ${i + 1}`).toContain(body);
      expect(t.match(/Page \d+ of \d+/g), `page ${i + 1}`).toEqual([`Page ${i + 1} of ${total}`]);
    });
    expect(await outline(joined)).toEqual([
      'Cover → 1',
      'Contents → 2',
      'Findings → 3',
      'Minor findings → 4',
      'Sign-off → 5',
      'title Joined report, author Dana Okafor, language en',
    ]);
  }, 60_000);

  it('refuses footers that do not match the pages', async () => {
    const P = (await import('@react-pdf/renderer')) as Rp;
    const one = await pdf(P, [h(P.Page, { key: 'a', size: 'A4' }, h(P.Text, null, 'Only page'))]);
    await expect(joinParts([one], await pdf(P, []), () => undefined)).rejects.toThrow(/footers/);
  }, 60_000);
});

describe('the full report, laid out in parts', () => {
  let core: Awaited<ReturnType<typeof startTestCore>> | null = null;
  afterAll(() => core?.close());

  it('numbers every page of N once, and its outline leads to the pages the contents names', async () => {
    core = await startTestCore();
    const [assessmentId = ''] = (await seedDemo(core.ctx, { size: 'small', seed: 7 }))
      .assessmentIds;
    const { pdf, pages } = await renderReport(core.ctx, {
      assessmentId,
      kind: 'full',
      draft: true,
    });
    const file = new Uint8Array(pdf);
    expect(countPages(file)).toBe(pages);
    for (let page = 1; page <= pages; page += 1) {
      expect(pageText(file, page).match(/Page \d+ of \d+/g), `page ${page}`).toEqual([
        `Page ${page} of ${pages}`,
      ]);
    }
    const contents = new Map(
      [...pageText(file, 2).matchAll(/^\s*(\S.*?\S)\s{2,}(\d+)\s*$/gm)].map((m) => [
        m[1] ?? '',
        Number(m[2]),
      ]),
    );
    const titles = reportSections(
      reportData(core.ctx, assessmentId, { kind: 'full', omitConfidential: false }),
    ).map((x) => x.title);
    expect([...contents.keys()]).toEqual(titles);
    const entries = await outline(file);
    expect(entries.slice(0, 2)).toEqual(['Cover → 1', 'Contents → 2']);
    for (const title of titles) expect(entries).toContain(`${title} → ${contents.get(title)}`);
  }, 120_000);
});
