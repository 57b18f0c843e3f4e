import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/rules/csv';
import { parseCsv } from '../../electron/core/sheets';
import { liveFormulaCells, spreadsheetRows } from '../helpers/spreadsheet-csv';

const ATTACK = "Approved;=cmd|' /C calc'!A0";

describe('the one CSV writer', () => {
  it('quotes a field holding a semicolon, so a semicolon-locale spreadsheet keeps it whole', () => {
    expect(csvCell('a;b')).toBe('"a;b"');
    expect(toCsv([['R1', ATTACK]])).not.toMatch(/,Approved;/);
  });

  it('quotes commas, quotes and line breaks (RFC 4180) and ends lines with CRLF', () => {
    expect(toCsv([['a,b', 'say "hi"', 'one\ntwo', 'cr\rhere']])).toBe(
      '"a,b","say ""hi""","one\ntwo","cr\rhere"\r\n',
    );
  });

  it.each(['=1+1', '+1+1', '-1+1', '@SUM(A1)', '\t=1', '\r=1'])(
    'neutralises %j at the start of a field',
    (value) => {
      expect(liveFormulaCells(toCsv([['R1', value]]))).toEqual([]);
      expect(parseCsv(toCsv([['x', value]]))[0]?.[1]).toMatch(/^'/);
    },
  );

  it('neutralises a formula behind leading blanks, which some readers trim', () => {
    expect(liveFormulaCells(toCsv([['R1', '  =1+1', ' \t@x']]))).toEqual([]);
  });

  it('writes numbers as numbers and guards text that looks like a negative number', () => {
    // A semicolon-locale reader would take "-1,2+cmd…" (text "-1", a comma, the next field) as
    // the formula -1.2+cmd…
    expect(toCsv([[5, '12.5', -5, '-12.5', '+3']])).toBe("5,12.5,-5,'-12.5,'+3\r\n");
    expect(liveFormulaCells(toCsv([['-1', "2+cmd|' /C calc'!A0"]]))).toEqual([]);
  });

  it('turns no part of a field into a formula whichever separator the reader uses', () => {
    for (const value of [
      ATTACK,
      'R1,=1+1',
      'first line\n=HYPERLINK("http://x")',
      'a;"b";=1+1;"',
      'tab\t@x',
    ]) {
      expect(liveFormulaCells(toCsv([['R1', value, 'after']]))).toEqual([]);
    }
  });

  it('property: no cell of any CSV we write is live in a comma, semicolon or tab reader', () => {
    const text = fc.string({
      unit: fc.constantFrom(
        '=',
        '+',
        '-',
        '@',
        ';',
        ',',
        '"',
        '\t',
        '\r',
        '\n',
        'a',
        '1',
        ' ',
        "'",
      ),
    });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          expect(liveFormulaCells(toCsv(rows))).toEqual([]);
        },
      ),
      { numRuns: 500 },
    );
  });

  it('property: a comma reader gets every field back, with only apostrophes added', () => {
    const text = fc.string({ unit: fc.constantFrom('=', '-', ';', ',', '"', '\n', 'a', '1', ' ') });
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 2, maxLength: 4 }), { minLength: 1, maxLength: 4 }),
        (rows) => {
          const back = spreadsheetRows(toCsv(rows), ',');
          expect(back.map((r) => r.map((v) => v.replace(/'/g, '')))).toEqual(
            rows.map((r) => r.map((v) => v.replace(/'/g, '').replace(/\r\n?/g, '\n'))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
