import fs from 'node:fs';
import path from 'node:path';
import { projectRoot } from './core';

/**
 * The reference structures (identifiers and titles with their sources) copied from the project's
 * shared reference folder into tests/fixtures: the ground truth catalogs and crosswalks are
 * checked against, independently of our own catalog files.
 */
function fixture<T>(name: string): T {
  return JSON.parse(
    fs.readFileSync(path.join(projectRoot, 'tests', 'fixtures', name), 'utf8'),
  ) as T;
}

interface Titled {
  id: string;
  title: string;
}

export interface AiActStructure {
  chapters: (Titled & { sections: Titled[] })[];
  articles: (Titled & { number: number; chapter: string; section: number | null })[];
  annexes: (Titled & { sections?: Titled[]; areas?: Titled[] })[];
}
export interface NistStructure {
  functions: Titled[];
  categories: { id: string; function: string; text: string }[];
  subcategories: { id: string; function: string; category: string; text: string }[];
}
export interface Iso27001Structure {
  clauses: (Titled & { parent: string | null; leaf: boolean })[];
  annexAThemes: Titled[];
  annexA: (Titled & { theme: string })[];
}
export interface Iso42001Structure {
  clauses: (Titled & { parent: string | null; leaf: boolean })[];
  annexA: Titled[];
}
export interface PublishedCrosswalks {
  mappings: {
    from: string;
    to: string;
    framework: string;
    source: string;
    isoRefAsPublished: string;
    rowFullyRead: boolean;
  }[];
}

export const reference = {
  aiAct: fixture<AiActStructure>('eu-ai-act-structure.json'),
  nist: fixture<NistStructure>('nist-ai-rmf-structure.json'),
  iso27001: fixture<Iso27001Structure>('iso27001-2022-structure.json'),
  iso42001: fixture<Iso42001Structure>('iso42001-structure.json'),
  crosswalks: fixture<PublishedCrosswalks>('crosswalks.json'),
};

/** Every identifier one may map to, per reference framework id, read from the reference files. */
export function referenceIds(): Record<string, Set<string>> {
  const { aiAct, nist, iso27001 } = reference;
  return {
    'eu-ai-act-2024-1689': new Set([
      ...aiAct.articles.map((a) => a.id),
      ...aiAct.annexes.map((a) => a.id),
      ...aiAct.annexes.flatMap((a) => (a.sections ?? []).map((s) => `${a.id}, ${s.id}`)),
      ...aiAct.annexes.flatMap((a) => (a.areas ?? []).map((s) => `${a.id}, point ${s.id}`)),
    ]),
    'nist-ai-rmf-1-0': new Set(nist.subcategories.map((s) => s.id)),
    'iso-iec-27001-2022': new Set([
      ...iso27001.clauses.filter((c) => c.leaf).map((c) => c.id),
      ...iso27001.annexA.map((c) => c.id),
    ]),
  };
}

/** The 70 assessable ISO/IEC 42001 requirements: leaf clauses of 4–10 and the 38 Annex A controls. */
export function assessable42001(): string[] {
  const { clauses, annexA } = reference.iso42001;
  return [...clauses.filter((c) => c.leaf).map((c) => c.id), ...annexA.map((c) => c.id)];
}
