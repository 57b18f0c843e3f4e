import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { catalogProblems, catalogSchema, type Catalog } from '../../shared/catalog/format';
import { getCatalog, listFrameworks } from '../../electron/core/catalog';
import type { CatalogView, Requirement } from '../../shared/contracts/catalog';
import { projectRoot, startTestCore } from '../helpers/core';
import { tableCounts } from '../helpers/db';
import { reference } from '../helpers/reference';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
beforeAll(async () => {
  core = await startTestCore();
});
afterAll(() => core.close());

const view = (id: string): CatalogView => getCatalog(core.ctx, id);
const byRef = (v: CatalogView) => new Map(v.requirements.map((r) => [r.ref, r]));
const shape = (r: Requirement | undefined) =>
  r && { title: r.title, kind: r.kind, parentRef: r.parentRef };
const file = (name: string) =>
  catalogSchema.parse(
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'resources', 'frameworks', name), 'utf8')),
  );

describe('the reference catalogs', () => {
  it('load beside ISO/IEC 42001 as reference catalogs with a source and nothing assessable', () => {
    const frameworks = listFrameworks(core.ctx);
    expect(frameworks.map((f) => [f.id, f.purpose])).toEqual([
      ['iso-iec-42001-2023', 'assessment'],
      ['eu-ai-act-2024-1689', 'reference'],
      ['iso-iec-27001-2022', 'reference'],
      ['nist-ai-rmf-1-0', 'reference'],
    ]);
    for (const f of frameworks.filter((x) => x.purpose === 'reference')) {
      expect(f.assessableCount, f.id).toBe(0);
      expect(f.source?.length ?? 0, f.id).toBeGreaterThan(100);
      expect(view(f.id).requirements.every((r) => !r.assessable && r.guidance === null)).toBe(true);
    }
  });

  it('EU AI Act: 13 chapters, 16 sections, the 113 articles and 13 annexes with their OJ titles', () => {
    const rows = byRef(view('eu-ai-act-2024-1689'));
    const { chapters, articles, annexes } = reference.aiAct;
    expect(articles).toHaveLength(113);
    expect(annexes).toHaveLength(13);
    for (const ch of chapters) {
      expect(shape(rows.get(ch.id))).toEqual({ title: ch.title, kind: 'chapter', parentRef: null });
      for (const s of ch.sections)
        expect(shape(rows.get(s.id))).toEqual({
          title: s.title,
          kind: 'chapter-section',
          parentRef: ch.id,
        });
    }
    for (const a of articles) {
      const chapter = `Chapter ${a.chapter}`;
      const parent = a.section === null ? chapter : `${chapter}, Section ${a.section}`;
      expect(shape(rows.get(a.id)), a.id).toEqual({
        title: a.title,
        kind: 'article',
        parentRef: parent,
      });
    }
    for (const a of annexes) {
      expect(shape(rows.get(a.id))).toEqual({ title: a.title, kind: 'annex', parentRef: null });
      for (const s of a.sections ?? [])
        expect(rows.get(`${a.id}, ${s.id}`)).toMatchObject({ title: s.title, parentRef: a.id });
      for (const p of a.areas ?? [])
        expect(rows.get(`${a.id}, point ${p.id}`)).toMatchObject({
          title: p.title,
          parentRef: a.id,
        });
    }
    expect(rows.get('Annex III, point 5')?.title).toMatch(/^Access to and enjoyment of essential/);
    expect(rows.size).toBe(13 + 16 + 113 + 13 + 2 + 8 + 3 + 2);
  });

  it('NIST AI RMF: 4 functions, 19 categories and 72 subcategories with NIST’s own texts', () => {
    const rows = byRef(view('nist-ai-rmf-1-0'));
    const { functions, categories, subcategories } = reference.nist;
    expect([functions.length, categories.length, subcategories.length]).toEqual([4, 19, 72]);
    for (const f of functions)
      expect(shape(rows.get(f.id))).toEqual({ title: f.title, kind: 'function', parentRef: null });
    for (const c of categories)
      expect(shape(rows.get(c.id))).toEqual({
        title: c.text,
        kind: 'category',
        parentRef: c.function,
      });
    for (const s of subcategories)
      expect(shape(rows.get(s.id))).toEqual({
        title: s.text,
        kind: 'subcategory',
        parentRef: s.category,
      });
    expect(rows.size).toBe(95);
    const perFunction = (fn: string) =>
      [...rows.values()].filter((r) => r.kind === 'subcategory' && r.section === fn.toLowerCase())
        .length;
    expect(['GOVERN', 'MAP', 'MEASURE', 'MANAGE'].map(perFunction)).toEqual([19, 18, 22, 13]);
  });

  it('ISO/IEC 27001: clauses 4–10 and the 93 Annex A controls, names only', () => {
    const rows = byRef(view('iso-iec-27001-2022'));
    const { clauses, annexAThemes, annexA } = reference.iso27001;
    for (const c of clauses)
      expect(shape(rows.get(c.id))).toEqual({
        title: c.title,
        kind: 'clause',
        parentRef: c.parent,
      });
    for (const t of annexAThemes)
      expect(shape(rows.get(`A.${t.id}`))).toEqual({
        title: t.title,
        kind: 'theme',
        parentRef: null,
      });
    expect(annexA).toHaveLength(93);
    for (const c of annexA)
      expect(shape(rows.get(c.id))).toEqual({
        title: c.title,
        kind: 'control',
        parentRef: `A.${c.theme}`,
      });
    expect(rows.size).toBe(41 + 4 + 93);
    // Names only: every node holds an identifier, a short title and its place, no control text.
    const nodes = file('iso-iec-27001.json').nodes;
    for (const n of nodes)
      expect(Object.keys(n).sort(), n.ref).toEqual(
        ['assessable', 'kind', 'parent', 'ref', 'section', 'title'].sort(),
      );
    expect(Math.max(...nodes.map((n) => n.title.length))).toBeLessThan(90);
  });

  it('cannot be assessed: creating an assessment against one is refused and writes nothing', async () => {
    const engagement = await core.dispatcher.dispatch('engagements.create', {
      clientName: 'Reference check',
      aimsScope: 'x',
      leadAssessor: 'L',
    });
    if (!engagement.ok) throw new Error(engagement.error.message);
    const before = tableCounts(core.store.sqlite);
    for (const frameworkId of ['eu-ai-act-2024-1689', 'nist-ai-rmf-1-0', 'iso-iec-27001-2022']) {
      const result = await core.dispatcher.dispatch('assessments.create', {
        engagementId: (engagement.value as { id: string }).id,
        frameworkId,
        title: 'Should not exist',
      });
      expect(result.ok ? 'created' : result.error.code).toBe('VALIDATION');
      expect(result.ok ? '' : result.error.message).toMatch(/reference catalog/);
    }
    expect(tableCounts(core.store.sqlite)).toEqual(before);
  });
});

describe('the reference-catalog rules', () => {
  const base = (): Catalog => file('eu-ai-act.json');

  it('the shipped reference catalogs pass every check', () => {
    for (const name of ['eu-ai-act.json', 'nist-ai-rmf.json', 'iso-iec-27001.json'])
      expect(catalogProblems(file(name)), name).toEqual([]);
  });

  it('a reference catalog with an assessable node or guidance is refused', () => {
    const bad = base();
    const article = bad.nodes.find((n) => n.ref === 'Article 9');
    if (!article) throw new Error('fixture');
    article.assessable = true;
    expect(catalogProblems(bad)).toEqual(
      expect.arrayContaining([
        'Article 9: a reference catalog has no assessable nodes',
        'Article 9: assessable without guidance',
      ]),
    );
  });

  it('a reference catalog must say where its identifiers come from', () => {
    const bad = base();
    delete bad.framework.source;
    expect(catalogProblems(bad)).toContain('reference catalog: framework.source is required');
  });

  it('a catalog that does not say otherwise is an assessment catalog', () => {
    const raw = JSON.parse(
      fs.readFileSync(
        path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json'),
        'utf8',
      ),
    ) as { framework: Record<string, unknown> };
    expect(raw.framework.purpose).toBeUndefined();
    expect(catalogSchema.parse(raw).framework.purpose).toBe('assessment');
  });
});
