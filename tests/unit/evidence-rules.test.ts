import { describe, expect, it } from 'vitest';
import { csvCell, toCsv } from '../../shared/rules/csv';
import {
  countsAsReceived,
  effectiveEvidenceStatus,
  localDate,
} from '../../shared/rules/evidence-status';
import { checkFileName, fileExtension } from '../../shared/rules/file-name';

describe('effective evidence status', () => {
  it('turns expired the day after "valid until", by itself', () => {
    expect(effectiveEvidenceStatus('accepted', '2026-03-01', '2026-03-01')).toBe('accepted');
    expect(effectiveEvidenceStatus('accepted', '2026-03-01', '2026-03-02')).toBe('expired');
    expect(effectiveEvidenceStatus('received', '2025-12-31', '2026-01-01')).toBe('expired');
    expect(effectiveEvidenceStatus('requested', '2020-01-01', '2026-01-01')).toBe('expired');
  });
  it('keeps a status without "valid until" and a rejection whatever the date', () => {
    expect(effectiveEvidenceStatus('received', null, '2099-01-01')).toBe('received');
    expect(effectiveEvidenceStatus('rejected', '2020-01-01', '2026-01-01')).toBe('rejected');
  });
  it('counts received and accepted only', () => {
    expect(
      ['requested', 'received', 'accepted', 'rejected', 'expired'].map((s) =>
        countsAsReceived(s as never),
      ),
    ).toEqual([false, true, true, false, false]);
  });
  it('formats a local date', () => {
    expect(localDate(new Date(2026, 0, 5, 23, 59))).toBe('2026-01-05');
  });
});

describe('file names', () => {
  it('accepts ordinary names in any script and normalises to NFC', () => {
    expect(checkFileName('Politique IA — version 2.pdf')).toEqual({
      ok: true,
      name: 'Politique IA — version 2.pdf',
    });
    expect(checkFileName('数据清单.xlsx').ok).toBe(true);
    const decomposed = 'Re\u0301sume\u0301.txt';
    expect(checkFileName(decomposed)).toEqual({ ok: true, name: 'Résumé.txt' });
    expect(checkFileName(`${'a'.repeat(196)}.txt`).ok).toBe(true);
  });
  it.each([
    ['', /empty/],
    ['   ', /empty/],
    [`${'a'.repeat(246)}.txt`, /longer than 200/],
    ['../etc/passwd', /not a path/],
    ['a\\b.txt', /not a path/],
    ['..', /not a path|not a file name/],
    ['evil\u202Efdp.exe', /U\+202E/],
    ['in\u2066visible.txt', /U\+2066/],
    ['zero\u200Bwidth.txt', /U\+200B/],
    ['bom\uFEFF.txt', /U\+FEFF/],
    ['nul\u0000.txt', /U\+0000/],
    ['tab\t.txt', /U\+0009/],
    ['lone\uD83D.txt', /surrogate/],
    ['private\uE000.txt', /private-use/],
    [' leading.txt', /space/],
  ])('refuses %j', (name, message) => {
    const result = checkFileName(name);
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : result.message).toMatch(message);
  });
  it('reads extensions', () => {
    expect(fileExtension('a.PDF')).toBe('pdf');
    expect(fileExtension('.bashrc')).toBe('');
    expect(fileExtension('archive.tar.gz')).toBe('gz');
  });
});

describe('CSV', () => {
  it('quotes what needs quoting and defuses formulas', () => {
    expect(csvCell('plain')).toBe('plain');
    expect(csvCell('a,b')).toBe('"a,b"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    expect(csvCell('two\nlines')).toBe('"two\nlines"');
    expect(csvCell('=1+1')).toBe("'=1+1");
    expect(csvCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(csvCell(-3)).toBe('-3');
    expect(
      toCsv([
        ['a', 'b'],
        ['c', 'd'],
      ]),
    ).toBe('a,b\r\nc,d\r\n');
  });
});
