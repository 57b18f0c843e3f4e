import { describe, expect, it } from 'vitest';
import {
  coverageScore,
  subcategoryLevel,
  type CountedResult,
  type CoverageLink,
} from '../../shared/rules/nist-coverage';

const link = (from: string, relation: CoverageLink['relation']): CoverageLink => ({
  from,
  to: 'GOVERN 1.1',
  relation,
});
const answers =
  (map: Record<string, CountedResult>) =>
  (ref: string): CountedResult =>
    ref in map ? (map[ref] ?? null) : 'not-assessed';

describe('NIST AI RMF subcategory coverage from 42001 answers', () => {
  it('is supported when a requirement that covers part of it or is equivalent is conformant', () => {
    expect(subcategoryLevel([link('5.3', 'covers-part')], answers({ '5.3': 'conformant' }))).toBe(
      'supported',
    );
    expect(subcategoryLevel([link('5.3', 'equivalent')], answers({ '5.3': 'conformant' }))).toBe(
      'supported',
    );
  });

  it('is only partly supported by a conformant requirement that merely supports it, or by a partial answer', () => {
    expect(subcategoryLevel([link('7.1', 'supports')], answers({ '7.1': 'conformant' }))).toBe(
      'partly',
    );
    expect(
      subcategoryLevel([link('5.3', 'covers-part')], answers({ '5.3': 'partially-conformant' })),
    ).toBe('partly');
  });

  it('is not supported while related requirements are nonconformant or not assessed', () => {
    expect(
      subcategoryLevel([link('5.3', 'covers-part')], answers({ '5.3': 'nonconformant' })),
    ).toBe('unsupported');
    expect(subcategoryLevel([link('5.3', 'covers-part')], answers({}))).toBe('unsupported');
  });

  it('has no counterpart when nothing relates to it or every related requirement does not count', () => {
    expect(subcategoryLevel([], answers({}))).toBe('unmapped');
    expect(subcategoryLevel([link('A.8.2', 'covers-part')], answers({ 'A.8.2': null }))).toBe(
      'unmapped',
    );
  });

  it('takes the best-supported of several related requirements, whatever their order', () => {
    const links = [link('7.3', 'supports'), link('7.2', 'covers-part'), link('9.1', 'supports')];
    const result = answers({
      '7.3': 'nonconformant',
      '7.2': 'conformant',
      '9.1': 'partially-conformant',
    });
    expect(subcategoryLevel(links, result)).toBe('supported');
    expect(subcategoryLevel([...links].reverse(), result)).toBe('supported');
  });

  it('scores supported in full and partly supported as half, in whole percent', () => {
    expect(coverageScore({ supported: 1, partly: 1, unsupported: 1, unmapped: 1 })).toBe(38);
    expect(coverageScore({ supported: 0, partly: 0, unsupported: 0, unmapped: 0 })).toBe(0);
    expect(coverageScore({ supported: 3, partly: 0, unsupported: 0, unmapped: 0 })).toBe(100);
  });
});
