/** The words, colours and columns of the NIST AI RMF coverage section, for both renderers. */
import type { NistCoverage } from '../../../../shared/contracts/crosswalks';
import { colour } from '../charts/colours';
import type { Column } from './columns';

type Category = NistCoverage['functions'][number]['categories'][number];

export const nistLevels = ['supported', 'partly', 'unsupported', 'unmapped'] as const;
export type NistLevel = (typeof nistLevels)[number];

export const nistLevelNames: Record<NistLevel, string> = {
  supported: 'supported',
  partly: 'partly supported',
  unsupported: 'not supported yet',
  unmapped: 'no 42001 counterpart',
};

export const nistLevelColour = (level: NistLevel): string =>
  ({
    supported: colour.good,
    partly: colour.fair,
    unsupported: colour.poor,
    unmapped: colour.na,
  })[level];

export const nistIntro = (c: NistCoverage): string =>
  `How far this assessment supports the 72 subcategories of the NIST AI RMF 1.0 through our crosswalk: overall ${c.score} % (supported counts in full, partly supported as half). A subcategory is supported when a requirement equivalent to it or covering part of it is conformant.`;

export const nistFunctionsLine = (c: NistCoverage): string =>
  c.functions.map((f) => `${f.title} ${f.score} %`).join(' · ');

export const nistCategories = (c: NistCoverage): Category[] =>
  c.functions.flatMap((f) => f.categories);

/** The widest category's subcategory count, which the bars are scaled to. */
export const nistMaxCount = (categories: Category[]): number =>
  Math.max(1, ...categories.map((x) => nistLevels.reduce((n, l) => n + x.counts[l], 0)));

export const nistColumns: Column<Category>[] = [
  { title: 'Category', width: 64, cell: (x) => x.id },
  { title: 'Supported', width: 58, cell: (x) => String(x.counts.supported) },
  { title: 'Partly', width: 44, cell: (x) => String(x.counts.partly) },
  { title: 'Not yet', width: 44, cell: (x) => String(x.counts.unsupported) },
  { title: 'No counterpart', width: 70, cell: (x) => String(x.counts.unmapped) },
  { title: 'Score', width: '*', cell: (x) => `${x.score} %` },
];
