import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogProblems, catalogSchema, type CatalogNode } from '../../shared/catalog/format';
import { projectRoot } from '../helpers/core';

const file = path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json');
const catalog = catalogSchema.parse(JSON.parse(fs.readFileSync(file, 'utf8')));
const assessable = catalog.nodes.filter((n) => n.assessable);
const byRef = new Map(catalog.nodes.map((n) => [n.ref, n]));
const guidanceOf = (node: CatalogNode) => {
  if (!node.guidance) throw new Error(`${node.ref} has no guidance`);
  return node.guidance;
};

/** Sentences end in . ! or ? followed by a space and a capital, or the end of the text. */
function sentenceCount(text: string): number {
  return text
    .trim()
    .split(/(?<=[.!?])\s+(?=[A-Z])/)
    .filter((s) => s.trim().length > 0).length;
}

/** Every string anywhere in a value, with where it was found. */
function strings(value: unknown, at: string, out: [string, string][] = []): [string, string][] {
  if (typeof value === 'string') out.push([at, value]);
  else if (Array.isArray(value)) value.forEach((v, i) => strings(v, `${at}[${i}]`, out));
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) strings(v, `${at}.${k}`, out);
  }
  return out;
}

const normalise = (text: string) => text.trim().toLowerCase().replace(/\s+/g, ' ');

describe('the ISO/IEC 42001 question bank', () => {
  it('passes the catalog format and its cross-reference checks', () => {
    expect(catalogProblems(catalog)).toEqual([]);
  });

  it('has exactly 70 assessable requirements: 32 leaf clauses and 38 controls', () => {
    expect(assessable).toHaveLength(70);
    expect(assessable.filter((n) => n.kind === 'clause')).toHaveLength(32);
    expect(assessable.filter((n) => n.kind === 'control')).toHaveLength(38);
    const parents = new Set(catalog.nodes.map((n) => n.parent));
    for (const node of assessable)
      expect(parents.has(node.ref), `${node.ref} is a leaf`).toBe(false);
  });

  it('gives every assessable requirement guidance within the agreed sizes', () => {
    const outOfRange: string[] = [];
    const check = (ref: string, what: string, n: number, min: number, max: number) => {
      if (n < min || n > max) outOfRange.push(`${ref} ${what}: ${n} (want ${min}–${max})`);
    };
    for (const node of assessable) {
      const g = guidanceOf(node);
      check(node.ref, 'intent sentences', sentenceCount(g.intent), 2, 4);
      check(node.ref, 'questions', g.questions.length, 3, 6);
      check(node.ref, 'goodPractice', g.goodPractice.length, 2, 5);
      check(node.ref, 'evidence', g.evidence.length, 2, 6);
      check(node.ref, 'roles', g.roles.length, 1, 5);
      check(node.ref, 'pitfalls', g.pitfalls.length, 1, 3);
    }
    expect(outOfRange).toEqual([]);
  });

  it('never asks the same question twice, ignoring case and spacing', () => {
    const seen = new Map<string, string>();
    const duplicates: string[] = [];
    for (const node of assessable) {
      for (const q of guidanceOf(node).questions) {
        const key = normalise(q.text);
        const first = seen.get(key);
        if (first) duplicates.push(`${node.ref} repeats ${first}: ${q.text}`);
        else seen.set(key, node.ref);
      }
    }
    expect(seen.size).toBeGreaterThanOrEqual(70 * 3);
    expect(duplicates).toEqual([]);
  });

  it('asks open questions, never one starting with a yes/no auxiliary', () => {
    const closed = /^(do|does|is|are|have|has|can|will|should|was|were)\b/i;
    const offenders = assessable.flatMap((node) =>
      guidanceOf(node)
        .questions.filter((q) => closed.test(q.text.trim()))
        .map((q) => `${node.ref}: ${q.text}`),
    );
    expect(offenders).toEqual([]);
  });

  it('has no empty or placeholder text anywhere', () => {
    const placeholder = [
      /\bTODO\b/i,
      /\bTBD\b/i,
      /\blorem\b/i,
      /\bxxx\b/i,
      /\.\.\./,
      /\be\.g\.\s*$/i,
    ];
    const offenders = strings(catalog, 'catalog').filter(
      ([, text]) => text.trim() === '' || placeholder.some((p) => p.test(text)),
    );
    expect(offenders).toEqual([]);
  });

  it('uses only evidence and role keys that the vocabulary defines', () => {
    const unknown: string[] = [];
    for (const node of assessable) {
      const g = guidanceOf(node);
      for (const key of g.evidence) {
        if (!(key in catalog.vocabulary.evidence)) unknown.push(`${node.ref} evidence ${key}`);
      }
      for (const key of g.roles) {
        if (!(key in catalog.vocabulary.roles)) unknown.push(`${node.ref} role ${key}`);
      }
    }
    expect(unknown).toEqual([]);
  });

  it('links the requirements that are assessed together, each link with a reason', () => {
    const linkWith = (...refs: string[]) =>
      catalog.links.find((l) => refs.every((r) => l.refs.includes(r)));
    expect(linkWith('6.1.2', '8.2')).toBeDefined();
    const treatment = linkWith('6.1.3', '8.3');
    expect(treatment?.refs.some((r) => byRef.get(r)?.kind === 'control')).toBe(true);
    expect(linkWith('6.1.4', '8.4', 'A.5.2', 'A.5.3', 'A.5.4', 'A.5.5')).toBeDefined();
    expect(linkWith('9.2.1', '9.2.2')).toBeDefined();
    expect(linkWith('10.2')).toBeDefined();
    for (const link of catalog.links) {
      expect(sentenceCount(link.reason), link.topic).toBeGreaterThanOrEqual(1);
      expect(link.reason.length, link.topic).toBeGreaterThan(40);
      for (const ref of link.refs) expect(byRef.has(ref), `${link.topic}: ${ref}`).toBe(true);
    }
  });

  it('has 8–12 scoping questions whose suggestions are real Annex A controls', () => {
    expect(catalog.scoping.length).toBeGreaterThanOrEqual(8);
    expect(catalog.scoping.length).toBeLessThanOrEqual(12);
    const bad = catalog.scoping.flatMap((q) =>
      q.suggests
        .filter((s) => byRef.get(s.control)?.kind !== 'control' || s.reason.trim() === '')
        .map((s) => `${q.id}: ${s.control}`),
    );
    expect(bad).toEqual([]);
    expect(new Set(catalog.scoping.map((q) => q.id)).size).toBe(catalog.scoping.length);
  });

  it('explains every Annex C objective and risk source', () => {
    const entries = [...(catalog.annexC?.objectives ?? []), ...(catalog.annexC?.riskSources ?? [])];
    expect(entries).toHaveLength(18);
    for (const entry of entries) {
      expect(entry.explanation.trim().length, entry.id).toBeGreaterThan(40);
      expect(sentenceCount(entry.explanation), entry.id).toBeGreaterThanOrEqual(1);
    }
  });
});
