import { describe, expect, it } from 'vitest';
import { suggestFrom27001, type SuggestionLink } from '../../shared/rules/iso27001-suggest';

const link = (
  ref: string,
  relation: SuggestionLink['relation'],
  status: NonNullable<SuggestionLink['sheet']>['status'],
  applicability: NonNullable<SuggestionLink['sheet']>['applicability'] = 'applicable',
): SuggestionLink => ({ ref, relation, sheet: { applicability, status } });

describe('the answer a 27001 sheet suggests', () => {
  it('suggests conformant when every equivalent entry is implemented, and says why', () => {
    const s = suggestFrom27001([link('7.2', 'equivalent', 'implemented')]);
    expect(s).toMatchObject({ result: 'conformant', basis: ['7.2'] });
    expect(s?.why).toMatch(/7\.2 implemented \(the same requirement\)/);
  });

  it('suggests nonconformant when the equivalent entry is not in place', () => {
    expect(suggestFrom27001([link('9.2.1', 'equivalent', 'not-implemented')])?.result).toBe(
      'nonconformant',
    );
  });

  it('suggests partially conformant between the two', () => {
    expect(
      suggestFrom27001([
        link('7.5.1', 'equivalent', 'implemented'),
        link('7.5.2', 'equivalent', 'planned'),
      ])?.result,
    ).toBe('partially-conformant');
  });

  it('never suggests conformant from a control that covers only part of the requirement', () => {
    expect(suggestFrom27001([link('A.8.15', 'covers-part', 'implemented')])?.result).toBe(
      'partially-conformant',
    );
    expect(suggestFrom27001([link('A.8.15', 'covers-part', 'not-implemented')])?.result).toBe(
      'nonconformant',
    );
  });

  it('lets equivalent entries decide over partial ones', () => {
    expect(
      suggestFrom27001([
        link('5.3', 'equivalent', 'implemented'),
        link('A.5.2', 'covers-part', 'not-implemented'),
      ])?.result,
    ).toBe('conformant');
  });

  it('suggests nothing from supporting rows, excluded controls, unknown statuses or unlisted entries', () => {
    expect(suggestFrom27001([link('A.5.1', 'supports', 'implemented')])).toBeNull();
    expect(
      suggestFrom27001([link('A.5.9', 'covers-part', 'implemented', 'not-applicable')]),
    ).toBeNull();
    expect(suggestFrom27001([link('A.5.9', 'covers-part', null)])).toBeNull();
    expect(suggestFrom27001([link('A.5.9', 'covers-part', 'not-applicable')])).toBeNull();
    expect(suggestFrom27001([{ ref: '4.2', relation: 'equivalent', sheet: null }])).toBeNull();
    expect(suggestFrom27001([])).toBeNull();
  });
});
