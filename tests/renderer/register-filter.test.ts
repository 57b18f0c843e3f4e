import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Risk } from '../../shared/contracts/risks';
import { filterRisks, registerFilter, searchIndex } from '../../renderer/src/features/risks/filter';
import { noFilters, type RegisterFilters } from '../../renderer/src/stores/risk-register';
import { aRisk } from './fixtures';

const words = ['model', 'chat', 'post', 'code', 'Data', 'R-1', 'A.6', 'bias'];
const risks: Risk[] = Array.from({ length: 120 }, (_, i) =>
  aRisk(`r${i}`, {
    ref: `R-${i + 1}`,
    title: `${words[i % words.length]} ${words[(i * 3) % words.length]} risk`,
    description: i % 5 === 0 ? 'Postcode data in the chatbot model' : '',
    owner: i % 2 ? 'Dana' : 'Lee',
    status: i % 3 ? 'open' : 'treated',
    likelihood: (i % 5) + 1,
    impact: ((i * 7) % 5) + 1,
  }),
);

const filtersArb: fc.Arbitrary<RegisterFilters> = fc.record({
  text: fc.constantFrom(
    '',
    'p',
    'po',
    'post',
    'postc',
    'postcode',
    'mo',
    'model',
    ' Model ',
    'r-1',
    'zz',
  ),
  band: fc.constant(null),
  status: fc.constantFrom(null, 'open', 'treated'),
  owner: fc.constantFrom(null, 'Dana'),
  system: fc.constant(null),
  source: fc.constant(null),
  cell: fc.constantFrom(null, { kind: 'inherent' as const, likelihood: 2, impact: 3 }),
});

describe('the register filter, remembering its last answer', () => {
  it('gives after any sequence of filters what filtering the whole register gives', () => {
    const index = searchIndex(risks);
    fc.assert(
      fc.property(fc.array(filtersArb, { minLength: 1, maxLength: 12 }), (sequence) => {
        const filter = registerFilter(risks);
        for (const filters of sequence) {
          const { shown, forHeat, isShown } = filter(filters);
          expect(shown).toEqual(filterRisks(risks, index, filters));
          expect(forHeat).toEqual(filterRisks(risks, index, filters, true));
          // The table picks its rows by place in the register.
          expect(risks.filter((_, place) => isShown[place] === 1)).toEqual(shown);
        }
      }),
    );
  });

  it('finds a longer text among the risks the shorter one found, then all again when cleared', () => {
    const filter = registerFilter(risks);
    const post = filter({ ...noFilters, text: 'post' }).shown;
    expect(post.length).toBeGreaterThan(0);
    expect(filter({ ...noFilters, text: 'postcode' }).shown).toEqual(
      post.filter((r) => r.description.toLowerCase().includes('postcode')),
    );
    expect(filter(noFilters).shown).toEqual(risks);
  });
});
