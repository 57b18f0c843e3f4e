import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { catalogSchema } from '../../shared/catalog/format';
import {
  catalogShape,
  crosswalkProblems,
  crosswalkSchema,
  type Crosswalk,
} from '../../shared/crosswalk/format';
import { CrosswalkError, crosswalkView, loadCrosswalks } from '../../electron/core/crosswalks';
import { projectRoot, startTestCore, tempDir } from '../helpers/core';
import { assessable42001, reference, referenceIds } from '../helpers/reference';

const dir = path.join(projectRoot, 'resources', 'crosswalks');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
const crosswalks = files.map((f) => ({
  file: f,
  crosswalk: crosswalkSchema.parse(JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8'))),
}));
const byTarget = new Map(crosswalks.map((c) => [c.crosswalk.to, c.crosswalk]));
const shipped = (to: string): Crosswalk => {
  const found = byTarget.get(to);
  if (!found) throw new Error(`no crosswalk to ${to}`);
  return structuredClone(found);
};

const catalogsDir = path.join(projectRoot, 'resources', 'frameworks');
const shapes = new Map(
  fs
    .readdirSync(catalogsDir)
    .filter((f) => f.endsWith('.json'))
    .map((f) => catalogSchema.parse(JSON.parse(fs.readFileSync(path.join(catalogsDir, f), 'utf8'))))
    .map((c) => [c.framework.id, catalogShape(c.framework.id, c.nodes)]),
);
const problemsOf = (c: Crosswalk) => crosswalkProblems(c, shapes.get(c.from), shapes.get(c.to));

const TARGETS = ['eu-ai-act-2024-1689', 'nist-ai-rmf-1-0', 'iso-iec-27001-2022'];

describe('the shipped crosswalks from ISO/IEC 42001', () => {
  it('exist for the EU AI Act, NIST AI RMF and ISO/IEC 27001, each from ISO/IEC 42001', () => {
    expect([...byTarget.keys()].sort()).toEqual([...TARGETS].sort());
    for (const { crosswalk } of crosswalks) expect(crosswalk.from).toBe('iso-iec-42001-2023');
  });

  it.each(TARGETS)('%s passes every cross-reference check against the catalogs', (to) => {
    expect(problemsOf(shipped(to))).toEqual([]);
  });

  it.each(TARGETS)('%s names only identifiers that exist in the reference files', (to) => {
    const ids = referenceIds()[to];
    const from = new Set(assessable42001());
    const c = shipped(to);
    const unknown = c.rows.flatMap((r) => [
      ...(from.has(r.from) ? [] : [`from ${r.from}`]),
      ...(ids?.has(r.to) ? [] : [`to ${r.to}`]),
    ]);
    expect(unknown).toEqual([]);
    expect(c.unmatched.filter((u) => !from.has(u.from))).toEqual([]);
  });

  it.each(TARGETS)(
    '%s gives every one of the 70 assessable requirements a row or a stated reason',
    (to) => {
      const c = shipped(to);
      const covered = new Set([...c.rows.map((r) => r.from), ...c.unmatched.map((u) => u.from)]);
      expect(assessable42001().filter((ref) => !covered.has(ref))).toEqual([]);
      expect(assessable42001()).toHaveLength(70);
    },
  );

  it.each(TARGETS)('%s has a one-line rationale of our own on every row', (to) => {
    const c = shipped(to);
    const bad = [...c.rows, ...c.unmatched].filter(
      (r) => r.rationale.trim().length < 30 || /[\r\n]/.test(r.rationale),
    );
    expect(bad).toEqual([]);
    const texts = [...c.rows, ...c.unmatched].map((r) => r.rationale.toLowerCase());
    expect(new Set(texts).size).toBe(texts.length);
  });

  it('maps every clause of 4–10 to its ISO/IEC 27001 harmonized-structure counterpart', () => {
    const c = shipped('iso-iec-27001-2022');
    const iso27001Leaves = new Set(
      reference.iso27001.clauses.filter((x) => x.leaf).map((x) => x.id),
    );
    const leaves42001 = reference.iso42001.clauses.filter((x) => x.leaf).map((x) => x.id);
    const withoutCounterpart = leaves42001.filter((ref) => !iso27001Leaves.has(ref));
    // The AI system impact assessment is the one clause 27001 has no counterpart for.
    expect(withoutCounterpart).toEqual(['6.1.4', '8.4']);
    const missing = leaves42001
      .filter((ref) => iso27001Leaves.has(ref))
      .filter((ref) => !c.rows.some((r) => r.from === ref && r.to === ref));
    expect(missing).toEqual([]);
    // A counterpart is the same requirement in another system: equivalent or overlapping, never
    // a mere "supports".
    const weak = c.rows.filter((r) => r.from === r.to && r.relation === 'supports');
    expect(weak).toEqual([]);
  });

  it('keeps every row of NIST’s published crosswalk, with its source text as published', () => {
    const c = shipped('nist-ai-rmf-1-0');
    const published = reference.crosswalks.mappings.filter(
      (m) => m.framework === 'NIST AI RMF 1.0',
    );
    expect(published).toHaveLength(25);
    for (const m of published) {
      const row = c.rows.find((r) => r.from === m.from && r.to === m.to);
      expect(row, `${m.from} → ${m.to}`).toBeDefined();
      expect(row?.source).toEqual({
        kind: 'published',
        citation: m.source,
        refAsPublished: m.isoRefAsPublished,
        rowFullyRead: m.rowFullyRead,
      });
    }
    const claimed = c.rows.filter((r) => r.source.kind === 'published');
    expect(claimed).toHaveLength(published.length);
    for (const other of ['eu-ai-act-2024-1689', 'iso-iec-27001-2022']) {
      expect(shipped(other).rows.filter((r) => r.source.kind !== 'assay')).toEqual([]);
    }
  });

  it('never copies a run of eight words from NIST’s subcategory texts into a rationale', () => {
    const words = (s: string) => s.toLowerCase().match(/[a-z0-9’'-]+/g) ?? [];
    const runs = new Set<string>();
    for (const s of reference.nist.subcategories) {
      const w = words(s.text);
      for (let i = 0; i + 8 <= w.length; i += 1) runs.add(w.slice(i, i + 8).join(' '));
    }
    const copied = shipped('nist-ai-rmf-1-0').rows.filter((r) => {
      const w = words(r.rationale);
      for (let i = 0; i + 8 <= w.length; i += 1)
        if (runs.has(w.slice(i, i + 8).join(' '))) return true;
      return false;
    });
    expect(copied.map((r) => `${r.from} → ${r.to}`)).toEqual([]);
  });
});

describe('the README', () => {
  it('states the crosswalk counts the files hold', () => {
    const readme = fs.readFileSync(path.join(projectRoot, 'README.md'), 'utf8');
    const names: Record<string, string> = {
      'EU AI Act': 'eu-ai-act-2024-1689',
      'NIST AI RMF 1.0': 'nist-ai-rmf-1-0',
      'ISO/IEC 27001:2022': 'iso-iec-27001-2022',
    };
    for (const [name, id] of Object.entries(names)) {
      const line = readme.split('\n').find((l) => l.startsWith(`| ${name} `));
      const stated = (line ?? '')
        .split('|')
        .slice(2, -1)
        .map((cell) => Number(cell.trim()));
      const c = shipped(id);
      const count = <K extends 'relation' | 'confidence'>(key: K, value: string) =>
        c.rows.filter((r) => r[key] === value).length;
      expect(stated, name).toEqual([
        c.rows.length,
        count('relation', 'equivalent'),
        count('relation', 'covers-part'),
        count('relation', 'supports'),
        count('confidence', 'high'),
        count('confidence', 'medium'),
        count('confidence', 'low'),
        c.rows.filter((r) => r.source.kind === 'published').length,
        c.unmatched.length,
      ]);
    }
  });
});

describe('the crosswalk checks refuse a broken file', () => {
  const ai = () => shipped('eu-ai-act-2024-1689');

  it('an identifier missing from the target catalog', () => {
    const c = ai();
    c.rows[0] = { ...c.rows[0]!, to: 'Article 114' };
    expect(problemsOf(c)).toContain(
      `${c.rows[0].from} → Article 114: Article 114 does not exist in eu-ai-act-2024-1689`,
    );
  });

  it('an ISO/IEC 42001 identifier that does not exist (the invented "A.3.4")', () => {
    const c = ai();
    c.rows.push({ ...c.rows[0]!, from: 'A.3.4' });
    expect(problemsOf(c).join('\n')).toMatch(/A\.3\.4 is not an assessable requirement/);
  });

  it('a row mapped to a heading rather than an entry', () => {
    const c = ai();
    c.rows[0] = { ...c.rows[0]!, to: 'Annex III' };
    expect(problemsOf(c).join('\n')).toMatch(/Annex III is a heading/);
  });

  it('a requirement with neither a row nor a stated reason', () => {
    const c = ai();
    c.rows = c.rows.filter((r) => r.from !== '7.3');
    expect(problemsOf(c)).toContain('7.3: no row and no unmatched entry for eu-ai-act-2024-1689');
  });

  it('the same pair twice, or the same rationale pasted on two rows', () => {
    const c = ai();
    c.rows.push({ ...c.rows[0]! });
    const problems = problemsOf(c).join('\n');
    expect(problems).toMatch(/listed twice/);
    expect(problems).toMatch(/the same rationale is used twice/);
  });

  it.each([
    ['an empty rationale', ''],
    ['a rationale of two lines', 'First line of the reasoning here.\nSecond line of it.'],
    ['a rationale that says nothing', 'Related.'],
  ])('%s is refused by the schema', (_label, rationale) => {
    const c = ai() as unknown as { rows: { rationale: string }[] };
    c.rows[0]!.rationale = rationale;
    expect(crosswalkSchema.safeParse(c).success).toBe(false);
  });

  it('a row without a rationale at all is refused by the schema', () => {
    const c = ai() as unknown as { rows: Record<string, unknown>[] };
    delete c.rows[0]!.rationale;
    expect(crosswalkSchema.safeParse(c).success).toBe(false);
  });
});

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
const open: TestCore[] = [];
afterEach(() => {
  for (const c of open.splice(0)) c.close();
});

describe('crosswalks in the running core', () => {
  it('a shipped crosswalk naming an unknown identifier stops the start with the file named', async () => {
    const core = await startTestCore();
    open.push(core);
    const resourcesDir = tempDir('assay-xw-');
    fs.mkdirSync(path.join(resourcesDir, 'crosswalks'));
    const broken = shipped('nist-ai-rmf-1-0');
    broken.rows[0] = { ...broken.rows[0]!, to: 'GOVERN 9.9' };
    const file = path.join(resourcesDir, 'crosswalks', 'broken.json');
    fs.writeFileSync(file, JSON.stringify(broken));
    let error: unknown;
    try {
      loadCrosswalks({ ...core.ctx, resourcesDir });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(CrosswalkError);
    expect((error as Error).message).toContain(file);
    expect((error as Error).message).toContain('GOVERN 9.9 does not exist');
  });

  it('crosswalks.get gives a 42001 requirement its related items in all three, with titles', async () => {
    const core = await startTestCore();
    open.push(core);
    const result = await core.dispatcher.dispatch('crosswalks.get', {
      frameworkId: 'iso-iec-42001-2023',
    });
    if (!result.ok) throw new Error(result.error.message);
    const view = crosswalkView(core.ctx, 'iso-iec-42001-2023');
    expect(result.value).toEqual(view);
    const forA628 = view.rows.filter((r) => r.from === 'A.6.2.8');
    expect(new Set(forA628.map((r) => r.toFramework))).toEqual(new Set(TARGETS));
    expect(forA628.find((r) => r.to === 'Article 12')).toMatchObject({
      fromTitle: 'AI system recording of event logs',
      toTitle: 'Record-keeping',
      toKind: 'article',
      relation: 'covers-part',
    });
    expect(forA628.find((r) => r.to === 'A.8.15')).toMatchObject({ toTitle: 'Logging' });
    const total = crosswalks.reduce((n, c) => n + c.crosswalk.rows.length, 0);
    expect(view.rows).toHaveLength(total);
    expect(view.unmatched.map((u) => `${u.toFramework} ${u.from}`)).toContain(
      'iso-iec-27001-2022 A.5.5',
    );
  });

  it('crosswalks.get on an article lists the 42001 requirements related to it', async () => {
    const core = await startTestCore();
    open.push(core);
    const view = crosswalkView(core.ctx, 'eu-ai-act-2024-1689');
    const toArticle10 = view.rows.filter((r) => r.to === 'Article 10').map((r) => r.from);
    expect(toArticle10).toEqual(expect.arrayContaining(['A.7.2', 'A.7.4', 'A.7.6']));
    expect(view.rows.every((r) => r.toFramework === 'eu-ai-act-2024-1689')).toBe(true);
    expect(view.unmatched).toEqual([]);
    const unknown = await core.dispatcher.dispatch('crosswalks.get', { frameworkId: 'nope' });
    expect(unknown.ok ? 'ok' : unknown.error.code).toBe('NOT_FOUND');
  });
});
