import { describe, expect, it } from 'vitest';
import { iso27001SheetFields } from '../../shared/domain/iso27001-sheet';
import {
  convertIso27001Rows,
  guessPlainNumbers,
  parseControlCell,
  readApplicability,
  readStatus,
  type Iso27001Entry,
} from '../../shared/rules/iso27001-rows';
import { mappingErrors, proposeMapping } from '../../shared/rules/sheet-mapping';

const catalog: Iso27001Entry[] = [
  { ref: '4.1', title: 'Understanding the organization and its context', kind: 'clause' },
  { ref: '5.1', title: 'Leadership and commitment', kind: 'clause' },
  { ref: '5.2', title: 'Policy', kind: 'clause' },
  { ref: '6.1.2', title: 'Information security risk assessment', kind: 'clause' },
  { ref: '9.2.1', title: 'General', kind: 'clause' },
  { ref: 'A.5.1', title: 'Policies for information security', kind: 'control' },
  { ref: 'A.5.2', title: 'Information security roles and responsibilities', kind: 'control' },
  { ref: 'A.5.9', title: 'Inventory of information and other associated assets', kind: 'control' },
  { ref: 'A.8.15', title: 'Logging', kind: 'control' },
];
const byRef = new Map(catalog.map((e) => [e.ref, e]));

const headers = ['Control', 'Name', 'Applicable?', 'Implementation status', 'Comments', 'Evidence'];
const mapping = proposeMapping(iso27001SheetFields, headers);

describe('reading an ISO/IEC 27001 sheet', () => {
  it('proposes a column for each field from common SoA headers', () => {
    expect(mapping).toEqual({
      control: 0,
      title: 1,
      applicability: 2,
      status: 3,
      justification: null,
      notes: 4,
      evidence: 5,
    });
    expect(mappingErrors(iso27001SheetFields, mapping, headers)).toEqual([]);
  });

  it('refuses a mapping without the control column and names the columns it found', () => {
    const errors = mappingErrors(iso27001SheetFields, { ...mapping, control: null }, headers);
    expect(errors).toHaveLength(1);
    expect(errors[0]?.message).toMatch(/No column is mapped to Control.*Applicable\?/);
  });

  it('parses the ways sheets write a control number', () => {
    expect(parseControlCell('A.5.1')).toMatchObject({ annex: true, number: '5.1' });
    expect(parseControlCell('a 8.15')).toMatchObject({ annex: true, number: '8.15' });
    expect(parseControlCell('Annex A 5.9')).toMatchObject({ annex: true, number: '5.9' });
    expect(parseControlCell('A5.2')).toMatchObject({ annex: true, number: '5.2' });
    expect(parseControlCell('Clause 6.1.2')).toMatchObject({ clause: true, number: '6.1.2' });
    expect(parseControlCell('5.1 Policies for information security')).toMatchObject({
      annex: false,
      number: '5.1',
      rest: 'Policies for information security',
    });
    expect(parseControlCell('5.10.1.2')).toBeNull();
    expect(parseControlCell('Policies')).toBeNull();
  });

  it('reads applicability and status words into our vocabulary, and nothing it does not know', () => {
    expect(readApplicability('Yes')).toBe('applicable');
    expect(readApplicability('Excluded')).toBe('not-applicable');
    expect(readApplicability('N / A')).toBe('not-applicable');
    expect(readApplicability('')).toBeNull();
    expect(readApplicability('maybe')).toBeUndefined();
    expect(readStatus('Implemented')).toBe('implemented');
    expect(readStatus('Partially implemented')).toBe('partially-implemented');
    expect(readStatus('in progress')).toBe('partially-implemented');
    expect(readStatus('Not implemented')).toBe('not-implemented');
    expect(readStatus('planned')).toBe('planned');
    expect(readStatus('n/a')).toBe('not-applicable');
    expect(readStatus('')).toBeNull();
    expect(readStatus('green')).toBeUndefined();
  });

  it('reads bare numbers as Annex A in an SoA and as clauses beside "A." numbers', () => {
    expect(guessPlainNumbers(['5.1', '5.9', '8.15'], byRef)).toBe('annex-a');
    expect(guessPlainNumbers(['4.1', '5.1', 'A.5.1'], byRef)).toBe('clauses');
    expect(guessPlainNumbers(['4.1', '6.1.2', '9.2.1', '5.1'], byRef)).toBe('clauses');
    expect(guessPlainNumbers(['5.1', '5.2'], byRef)).toBe('annex-a');
  });

  it('matches rows to the catalog, keeps the sheet’s words and splits evidence references', () => {
    const { rows, errors, plainNumbers } = convertIso27001Rows(
      [
        [
          'A.5.1',
          'Policies for information security',
          'Yes',
          'Implemented',
          'Board approved',
          'IS policy.pdf; Policy review minutes',
        ],
        ['5.2', 'Policy', 'Yes', 'Partially implemented', '', ''],
        ['', '', '', '', '', ''],
        ['A.8.15', 'Logging', 'No', '', 'No servers of our own', ''],
      ],
      mapping,
      catalog,
    );
    expect(errors).toEqual([]);
    expect(plainNumbers).toBe('clauses');
    expect(rows).toEqual([
      expect.objectContaining({
        row: 2,
        ref: 'A.5.1',
        applicability: 'applicable',
        status: 'implemented',
        notes: 'Board approved',
        evidence: ['IS policy.pdf', 'Policy review minutes'],
      }),
      expect.objectContaining({ row: 3, ref: '5.2', status: 'partially-implemented' }),
      expect.objectContaining({
        row: 5,
        ref: 'A.8.15',
        applicability: 'not-applicable',
        status: null,
      }),
    ]);
  });

  it('lets the title decide a bare number both readings know', () => {
    const { rows } = convertIso27001Rows(
      [
        ['5.1', 'Leadership and commitment', 'Yes', 'Implemented', '', ''],
        ['5.2', 'Information security roles and responsibilities', 'Yes', 'Implemented', '', ''],
      ],
      mapping,
      catalog,
      'annex-a',
    );
    expect(rows.map((r) => r.ref)).toEqual(['5.1', 'A.5.2']);
  });

  it('reports every bad row with its sheet row number and reads nothing from them', () => {
    const { rows, errors } = convertIso27001Rows(
      [
        ['A.5.99', '', 'Yes', 'Implemented', '', ''],
        ['A.5.1', '', 'perhaps', 'Implemented', '', ''],
        ['A.5.9', '', 'Yes', 'green', '', ''],
        ['A.5.1', '', 'Yes', 'Implemented', '', ''],
        ['Policies', '', 'Yes', 'Implemented', '', ''],
        ['A.8.15', '', 'No', 'Implemented', '', ''],
      ],
      mapping,
      catalog,
    );
    expect(errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'control'],
      [3, 'applicability'],
      [4, 'status'],
      [5, 'control'],
      [6, 'control'],
      [7, 'status'],
    ]);
    expect(errors[0]?.message).toMatch(/A\.5\.99 does not exist/);
    expect(errors[3]?.message).toMatch(/A\.5\.1 appears twice in the sheet \(rows 3 and 5\)/);
    expect(errors[4]?.message).toMatch(/"Policies" is not a clause or Annex A control number/);
    expect(errors[5]?.message).toMatch(/not applicable/);
    expect(rows).toEqual([]);
  });

  it('refuses a sheet with a header and no data rows', () => {
    const { errors } = convertIso27001Rows([['', '', '', '', '', '']], mapping, catalog);
    expect(errors).toEqual([{ row: 1, field: null, message: 'The sheet has no data rows.' }]);
  });
});
