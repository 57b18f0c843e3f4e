import fs from 'node:fs';
import path from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { CatalogError, loadCatalogs } from '../../electron/core/catalog/load';
import type { CoreContext } from '../../electron/core/context';
import { getCatalog } from '../../electron/core/catalog';
import type { Catalog } from '../../shared/catalog/format';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { FRAMEWORK_ID, requirementKey, rowsOf, seedAssessment, tableCounts } from '../helpers/db';

interface StructureEntry {
  id: string;
  title: string;
  parent?: string | null;
}
interface Structure {
  clauses: StructureEntry[];
  annexA: (StructureEntry & { area: string; objective: string })[];
  annexes: { id: string; sections?: StructureEntry[] | string }[];
}

const structure = JSON.parse(
  fs.readFileSync(path.join(projectRoot, 'tests', 'fixtures', 'iso42001-structure.json'), 'utf8'),
) as Structure;
const catalogFile = path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json');
const shipped = () => JSON.parse(fs.readFileSync(catalogFile, 'utf8')) as Catalog;

interface RequirementRow {
  ref: string;
  title: string;
  kind: string;
  section: string;
  parentRef: string | null;
  retired: number;
}

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
const open: TestCore[] = [];
async function core(): Promise<TestCore> {
  const started = await startTestCore();
  open.push(started);
  return started;
}
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

function requirementRows(c: TestCore): Map<string, RequirementRow> {
  const rows = c.store.sqlite
    .prepare(
      `SELECT ref, title, kind, section, parent_ref AS parentRef, retired FROM requirements
       WHERE framework_id = ?`,
    )
    .all(FRAMEWORK_ID) as RequirementRow[];
  return new Map(rows.map((r) => [r.ref, r]));
}

/** A context whose resources/ is a temp folder holding the given catalog file contents. */
function withResources(ctx: CoreContext, files: Record<string, string>): CoreContext {
  const resourcesDir = tempDir('assay-resources-');
  fs.mkdirSync(path.join(resourcesDir, 'frameworks'));
  for (const [name, text] of Object.entries(files)) {
    fs.writeFileSync(path.join(resourcesDir, 'frameworks', name), text);
  }
  return { ...ctx, resourcesDir };
}

describe('catalog structure against the reference structure of ISO/IEC 42001', () => {
  let rows: Map<string, RequirementRow>;
  let c: TestCore;
  beforeAll(async () => {
    c = await startTestCore();
    rows = requirementRows(c);
    return () => c.close();
  });

  it('holds the 43 clause entries of clauses 4–10 with the exact ids, titles and parents', () => {
    expect(structure.clauses).toHaveLength(43);
    const clauseRefs = [...rows.values()].filter((r) => r.section === 'clauses').map((r) => r.ref);
    expect(clauseRefs.sort()).toEqual(structure.clauses.map((e) => e.id).sort());
    for (const entry of structure.clauses) {
      const row = rows.get(entry.id);
      expect(row, entry.id).toMatchObject({ title: entry.title, parentRef: entry.parent ?? null });
      expect(row?.kind).toBe('clause');
    }
  });

  it('holds the 38 Annex A controls with exact titles, under their area or A.6.1/A.6.2', () => {
    expect(structure.annexA).toHaveLength(38);
    const controls = [...rows.values()].filter((r) => r.kind === 'control').map((r) => r.ref);
    expect(controls.sort()).toEqual(structure.annexA.map((e) => e.id).sort());
    for (const entry of structure.annexA) {
      const a6 = ['A.6.1', 'A.6.2'].find((objective) => entry.id.startsWith(`${objective}.`));
      const expectedParent = a6 ?? entry.area;
      expect(rows.get(entry.id), entry.id).toMatchObject({
        title: entry.title,
        parentRef: expectedParent,
        section: 'annex-a',
      });
    }
  });

  it('lists the 11 Annex C objectives and 7 risk sources with the reference ids and titles', () => {
    const annexC = structure.annexes.find((a) => a.id === 'C');
    const sections = Array.isArray(annexC?.sections) ? annexC.sections : [];
    const pick = (parent: string) =>
      sections.filter((s) => s.parent === parent).map(({ id, title }) => ({ id, title }));
    const view = getCatalog(c.ctx, FRAMEWORK_ID);
    const strip = (list: { id: string; title: string }[]) =>
      list.map(({ id, title }) => ({ id, title }));
    expect(strip(view.annexC.objectives)).toEqual(pick('C.2'));
    expect(strip(view.annexC.riskSources)).toEqual(pick('C.3'));
    expect(view.annexC.objectives).toHaveLength(11);
    expect(view.annexC.riskSources).toHaveLength(7);
  });
});

describe('catalog loading', () => {
  it('loading the same catalog twice is a no-op: no duplicate rows and no second audit row', async () => {
    const c = await core();
    // ISO/IEC 42001 and the three reference catalogs (EU AI Act, ISO/IEC 27001, NIST AI RMF).
    expect(c.catalogs.map((r) => r.outcome)).toEqual([
      'installed',
      'installed',
      'installed',
      'installed',
    ]);
    const before = tableCounts(c.store.sqlite);
    const again = loadCatalogs(c.ctx);
    expect(again.map((r) => r.outcome)).toEqual([
      'unchanged',
      'unchanged',
      'unchanged',
      'unchanged',
    ]);
    expect(tableCounts(c.store.sqlite)).toEqual(before);
    const loads = c.store.sqlite
      .prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'catalog.load'`)
      .get() as { n: number };
    expect(loads.n).toBe(4);
  });

  it('a newer revision updates texts and questions, keeps responses untouched and retires a dropped control', async () => {
    const c = await core();
    const seeded = seedAssessment(c.store.sqlite, 1, ['4.1', 'A.3.3']);
    const responsesBefore = rowsOf(c.store.sqlite, 'responses');

    const next = shipped();
    next.revision += 1;
    const changed = next.nodes.find((n) => n.ref === '4.1');
    if (!changed?.guidance) throw new Error('fixture: 4.1 has no guidance');
    changed.title = 'Understanding the organisation and its context (revised)';
    changed.guidance.intent = 'Revised intent. It has two sentences.';
    changed.guidance.questions = [
      { text: 'What changed in the context since the last review?', stage: 1 },
      { text: 'Who reviewed the revised context analysis?', probe: 'Show the record.', stage: 2 },
      { text: 'How were the changes fed into the risk assessment?', stage: 2 },
    ];
    next.nodes = next.nodes.filter((n) => n.ref !== 'A.3.3');

    const report = loadCatalogs(
      withResources(c.ctx, { 'iso-iec-42001.json': JSON.stringify(next) }),
    );
    expect(report.map((r) => [r.outcome, r.revision])).toEqual([['updated', next.revision]]);

    expect(rowsOf(c.store.sqlite, 'responses')).toEqual(responsesBefore);
    expect(responsesBefore).toHaveLength(2);
    const rows = requirementRows(c);
    expect(rows.get('A.3.3')).toMatchObject({ retired: 1, title: 'Reporting of concerns' });
    expect(rows.get('4.1')).toMatchObject({ retired: 0, title: changed.title });

    const view = getCatalog(c.ctx, FRAMEWORK_ID);
    expect(view.framework.revision).toBe(next.revision);
    expect(view.requirements.map((r) => r.ref)).not.toContain('A.3.3');
    const r41 = view.requirements.find((r) => r.ref === '4.1');
    expect(r41?.guidance?.intent).toBe('Revised intent. It has two sentences.');
    expect(r41?.guidance?.questions).toEqual(changed.guidance.questions);
    expect(c.store.sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
    const response = c.store.sqlite
      .prepare('SELECT requirement_id AS requirementId FROM responses WHERE id = ?')
      .get(seeded.responseIds[1]) as { requirementId: string };
    expect(response.requirementId).toBe(requirementKey('A.3.3'));
  });

  it('a file with an older revision than the store is kept-newer and changes nothing', async () => {
    const c = await core();
    const next = shipped();
    next.revision += 1;
    next.framework.title = 'Newer title';
    loadCatalogs(withResources(c.ctx, { 'iso-iec-42001.json': JSON.stringify(next) }));
    const before = tableCounts(c.store.sqlite);

    const older = withResources(c.ctx, {
      'iso-iec-42001.json': fs.readFileSync(catalogFile, 'utf8'),
    });
    expect(loadCatalogs(older).map((r) => r.outcome)).toEqual(['kept-newer']);
    expect(tableCounts(c.store.sqlite)).toEqual(before);
    expect(getCatalog(c.ctx, FRAMEWORK_ID).framework).toMatchObject({
      title: 'Newer title',
      revision: next.revision,
    });
  });

  it.each([
    ['not JSON at all', () => '{ "format": ', /is not valid JSON/],
    [
      'a missing framework title',
      () => {
        const bad = shipped() as unknown as { framework: Record<string, unknown> };
        delete bad.framework.title;
        return JSON.stringify(bad);
      },
      /framework\.title/,
    ],
    [
      'an evidence key outside the vocabulary',
      () => {
        const bad = shipped();
        bad.nodes.find((n) => n.ref === '5.2')?.guidance?.evidence.push('secret-diary');
        return JSON.stringify(bad);
      },
      /5\.2: unknown evidence secret-diary/,
    ],
    [
      'a parent that does not exist',
      () => {
        const bad = shipped();
        const node = bad.nodes.find((n) => n.ref === 'A.2.2');
        if (node) node.parent = 'A.99';
        return JSON.stringify(bad);
      },
      /A\.2\.2: parent A\.99 must appear before it/,
    ],
  ])(
    'a malformed catalog (%s) is refused with a CatalogError naming the file and the problem',
    async (_label, make, problem) => {
      const c = await core();
      const before = tableCounts(c.store.sqlite);
      const ctx = withResources(c.ctx, { 'broken.json': make() });
      let error: unknown;
      try {
        loadCatalogs(ctx);
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(CatalogError);
      const message = (error as Error).message;
      expect(message).toContain(path.join(ctx.resourcesDir, 'frameworks', 'broken.json'));
      expect(message).toMatch(problem);
      expect(tableCounts(c.store.sqlite)).toEqual(before);
    },
  );
});
