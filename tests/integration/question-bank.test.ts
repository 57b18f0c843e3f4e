import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { catalogProblems, catalogSchema, type CatalogNode } from '../../shared/catalog/format';
import { artefactOwner, overlapsOf, scoresArtefact } from '../../shared/catalog/overlaps';
import { questionSuggestions, suggestedControls } from '../../shared/catalog/scoping';
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
      questionSuggestions(q)
        .map(({ suggestion: s }) => s)
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

/** Runs of `n` words (lower case, punctuation dropped) that appear in the texts of two or more keys. */
function sharedRuns(texts: Map<string, string>, n: number): Map<string, string[]> {
  const owners = new Map<string, Set<string>>();
  for (const [key, text] of texts) {
    const words = text.toLowerCase().match(/[a-z0-9]+(?:'[a-z]+)?/g) ?? [];
    for (let i = 0; i + n <= words.length; i += 1) {
      const run = words.slice(i, i + n).join(' ');
      owners.set(run, (owners.get(run) ?? new Set()).add(key));
    }
  }
  return new Map(
    [...owners].filter(([, keys]) => keys.size > 1).map(([run, keys]) => [run, [...keys].sort()]),
  );
}

/** Seven words: long enough that ordinary phrases ("the AI management system") never trip it. */
const RUN_LENGTH = 7;

describe('revision 2 of the ISO/IEC 42001 question bank', () => {
  const intents = new Map(assessable.map((n) => [n.ref, guidanceOf(n).intent]));
  const questions = assessable.flatMap((n) => guidanceOf(n).questions);
  const textOf = (ref: string) => {
    const node = byRef.get(ref);
    if (!node) throw new Error(`no ${ref}`);
    return JSON.stringify(guidanceOf(node));
  };

  it('is revision 2 or later', () => {
    expect(catalog.revision).toBeGreaterThanOrEqual(2);
  });

  it('shares no run of seven words between the intents of two requirements', () => {
    expect([...sharedRuns(intents, RUN_LENGTH)]).toEqual([]);
  });

  it('the shared-run scan catches a planted duplicate', () => {
    const planted = new Map(intents);
    const source = intents.get('8.2') ?? '';
    planted.set('9.1', `${intents.get('9.1') ?? ''} ${source.split(' ').slice(3, 12).join(' ')}`);
    const found = sharedRuns(planted, RUN_LENGTH);
    expect(found.size).toBeGreaterThan(0);
    expect([...found.values()].every((refs) => refs.join() === '8.2,9.1')).toBe(true);
  });

  it('tags every question with an audit stage and asks at both stages everywhere', () => {
    for (const node of assessable) {
      const stages = new Set(guidanceOf(node).questions.map((q) => q.stage));
      expect([...stages].sort(), node.ref).toEqual([1, 2]);
    }
    const perStage = (stage: number) => questions.filter((q) => q.stage === stage).length;
    expect(perStage(1) + perStage(2)).toBe(questions.length);
    expect(perStage(1)).toBeGreaterThan(questions.length / 4);
    expect(perStage(2)).toBeGreaterThan(questions.length / 4);
  });

  it('gives every requirement a typical major and minor nonconformity of its own', () => {
    const lines = assessable.flatMap((n) => {
      const { major, minor } = guidanceOf(n).nonconformity;
      return [major, minor];
    });
    expect(new Set(lines.map(normalise)).size).toBe(assessable.length * 2);
    for (const line of lines) expect(sentenceCount(line), line).toBeLessThanOrEqual(2);
  });

  it('plans a sample wherever operation leaves records, with the auditor choosing the items', () => {
    const plans = assessable.flatMap((n) => {
      const s = guidanceOf(n).sampling;
      return s.applies ? [{ ref: n.ref, ...s }] : [];
    });
    expect(plans.length).toBeGreaterThanOrEqual(50);
    for (const ref of ['8.1', '8.2', '8.3', '8.4', '9.2.1', '10.2', 'A.6.2.4', 'A.10.3', '7.2']) {
      expect(plans.map((p) => p.ref)).toContain(ref);
    }
    for (const plan of plans) {
      expect(plan.selection, plan.ref).toMatch(/\byou\b|\bauditor\b/i);
      expect(plan.selection, plan.ref).not.toMatch(/\b(they|auditee) (pick|choose)/i);
    }
    const reasons = assessable.flatMap((n) => {
      const s = guidanceOf(n).sampling;
      return s.applies ? [] : [s.why];
    });
    for (const why of reasons) expect(why.length).toBeGreaterThan(30);
  });

  it('never lets the auditee pick the showcase case in a probe', () => {
    const showcase = [
      /\b(give|show)( me)? (an|one) example\b/i,
      /\bshow( me)? (a|an|one) (\w+ )?(case|instance|release|risk|system|project|dataset|datasheet|change|decision|requirement|item|input|measure)s? (where|that|which)\b/i,
      /^(pick|choose|select|take) (one|a|an|two|three)\b(?!.*\byourself\b)/i,
    ];
    const offenders = assessable.flatMap((n) =>
      guidanceOf(n)
        .questions.filter((q) => showcase.some((p) => p.test(q.probe ?? '')))
        .map((q) => `${n.ref}: ${q.probe}`),
    );
    expect(offenders).toEqual([]);
  });

  it('asks every Annex A control for its SoA entry and the treatments relying on it, once', () => {
    const controls = assessable.filter((n) => n.kind === 'control');
    for (const node of controls) {
      const soa = guidanceOf(node).questions.filter((q) => q.asks === 'soa-and-treatment');
      expect(soa, node.ref).toHaveLength(1);
      expect(soa[0]?.text, node.ref).toMatch(/Statement of Applicability/);
      expect(soa[0]?.text, node.ref).toMatch(/treatment/);
    }
  });

  it('describes Annex A controls as what an auditor expects, never "the organisation should"', () => {
    for (const node of assessable.filter((n) => n.kind === 'control')) {
      expect(guidanceOf(node).intent, node.ref).not.toMatch(/organi[sz]ation should/i);
      expect(guidanceOf(node).intent, node.ref).toMatch(/auditor/i);
    }
  });

  it('links the clause and Annex A overlaps, each shared artefact scored by one side', () => {
    const pairs: [string, string[]][] = [
      ['5.2', ['A.2.2']],
      ['5.3', ['A.3.2']],
      ['7.2', ['A.4.6']],
      ['6.2', ['A.6.1.2', 'A.9.3']],
      ['6.1.4', ['A.5.2']],
      ['8.4', ['A.5.3', 'A.5.4', 'A.5.5']],
      ['A.4.3', ['A.7.3', 'A.7.4', 'A.7.5', 'A.7.6']],
      ['A.6.2.7', ['A.8.2']],
    ];
    for (const [clause, controls] of pairs) {
      const overlap = overlapsOf(catalog.overlaps, clause).find((o) =>
        controls.every((c) => o.sides.some((s) => s.ref === c)),
      );
      expect(overlap, `${clause} ↔ ${controls.join('/')}`).toBeDefined();
    }
    expect(artefactOwner(catalog.overlaps, 'A.2.2', 'ai-policy')).toBe('5.2');
    expect(artefactOwner(catalog.overlaps, 'A.4.6', 'competence-matrix')).toBe('7.2');
    expect(artefactOwner(catalog.overlaps, 'A.5.3', 'impact-assessment-report')).toBe('8.4');
    expect(artefactOwner(catalog.overlaps, 'A.7.5', 'data-lineage-records')).toBe('A.7.5');
    // Across every requirement and every evidence key it requests, a shared artefact is scored once.
    const scorers = new Map<string, Set<string>>();
    for (const overlap of catalog.overlaps) {
      for (const { evidence } of overlap.artefacts) {
        for (const side of overlap.sides) {
          if (!guidanceOf(byRef.get(side.ref) as CatalogNode).evidence.includes(evidence)) continue;
          if (scoresArtefact(catalog.overlaps, side.ref, evidence)) {
            scorers.set(evidence, (scorers.get(evidence) ?? new Set()).add(side.ref));
          }
        }
      }
    }
    for (const [evidence, refs] of scorers) expect([...refs], evidence).toHaveLength(1);
  });

  it('corrects 6.1.2 and 6.1.3: no borrowed risk-owner rules, designated management, Annex B', () => {
    for (const ref of ['6.1.2', '6.1.3']) expect(textOf(ref)).not.toMatch(/risk owner/i);
    expect(textOf('6.1.2')).toMatch(/AI policy and (the )?(AI )?objectives/);
    expect(textOf('6.1.3')).toMatch(/designated management/);
    expect(textOf('6.1.3')).toMatch(/Annex B/);
    expect(textOf('6.1.3')).toMatch(/exclu/);
    expect(textOf('8.1')).toMatch(/controls chosen in risk treatment put into operation/);
    expect(textOf('9.2.1')).not.toMatch(/only a single audit/i);
    expect(textOf('9.2.1')).toMatch(/independen/);
  });

  it('asks at organisation level for AI roles, EU AI Act roles and AI inside bought software', () => {
    const options = (id: string) => {
      const q = catalog.scoping.find((s) => s.id === id);
      return q?.answer === 'several' ? q.options.map((o) => o.id) : [];
    };
    expect(options('ai-roles')).toEqual([
      'developer',
      'provider',
      'deployer',
      'user',
      'data-provider',
    ]);
    expect(options('eu-ai-act-role')).toEqual([
      'provider',
      'deployer',
      'importer',
      'distributor',
      'authorised-representative',
    ]);
    expect(catalog.scoping.find((s) => s.id === 'ai-in-bought-software')?.answer).toBe('yes-no');
    const roles = suggestedControls(catalog.scoping, { 'ai-roles': ['developer'] });
    expect([...roles.keys()]).toContain('A.6.2.4');
    const eu = suggestedControls(catalog.scoping, { 'eu-ai-act-role': ['importer'] });
    expect([...eu.keys()]).toContain('A.10.3');
  });
});
