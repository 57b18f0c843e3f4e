import { describe, expect, it } from 'vitest';
import { dateSchema, idSchema, requiredText, textField } from '../../shared/contracts/common';
import { commandNames, contracts, isCommandName } from '../../shared/contracts';
import { engagementInputSchema } from '../../shared/contracts/engagements';

const minimal = { clientName: 'Contoso', aimsScope: 'All AI systems', leadAssessor: 'Lead' };

describe('dateSchema', () => {
  it.each(['2026-02-28', '2024-02-29', '2026-12-31', '2000-01-01'])(
    'accepts the real date %s',
    (d) => expect(dateSchema.safeParse(d).success).toBe(true),
  );

  it.each([
    '2026-02-30',
    '2026-02-29',
    '2023-02-29',
    '2026-04-31',
    '2026-13-01',
    '2026-00-10',
    '2026-01-00',
    '2026-1-5',
    '26-01-05',
    '2026-01-05T00:00:00Z',
    ' 2026-01-05',
    '05/01/2026',
    '',
  ])('refuses %j', (d) => expect(dateSchema.safeParse(d).success).toBe(false));
});

describe('text fields', () => {
  it('requiredText trims, refuses blank text as required, and enforces its limit', () => {
    const field = requiredText(10);
    expect(field.parse('  Ana  ')).toBe('Ana');
    expect(field.parse('x'.repeat(10))).toBe('x'.repeat(10));
    const blank = field.safeParse('   ');
    expect(blank.success).toBe(false);
    expect(blank.error?.issues[0]?.message).toBe('is required');
    const long = field.safeParse('x'.repeat(11));
    expect(long.error?.issues[0]?.message).toBe('must be at most 10 characters');
  });

  it('textField allows empty text and enforces its limit', () => {
    const field = textField(5);
    expect(field.parse('')).toBe('');
    expect(field.safeParse('123456').success).toBe(false);
  });

  it.each([
    ['clientName', 200],
    ['aimsScope', 20_000],
    ['leadAssessor', 200],
    ['notes', 100_000],
  ])('engagement %s accepts %i characters and refuses one more', (field, max) => {
    expect(engagementInputSchema.safeParse({ ...minimal, [field]: 'x'.repeat(max) }).success).toBe(
      true,
    );
    const over = engagementInputSchema.safeParse({ ...minimal, [field]: 'x'.repeat(max + 1) });
    expect(over.error?.issues.map((i) => i.path.join('.'))).toEqual([field]);
  });

  it('engagement sites are each at most 200 characters and at most 100 of them', () => {
    const longSite = engagementInputSchema.safeParse({ ...minimal, sites: ['x'.repeat(201)] });
    expect(longSite.error?.issues[0]?.path).toEqual(['sites', 0]);
    const many = Array.from({ length: 101 }, (_, i) => `Site ${i}`);
    expect(engagementInputSchema.safeParse({ ...minimal, sites: many }).success).toBe(false);
  });
});

describe('engagement input', () => {
  it('fills defaults for the optional fields', () => {
    expect(engagementInputSchema.parse(minimal)).toEqual({
      ...minimal,
      aiRoles: [],
      sites: [],
      startDate: null,
      endDate: null,
      notes: '',
    });
  });

  it('refuses an unknown AI role, an unknown field and an end before the start', () => {
    expect(engagementInputSchema.safeParse({ ...minimal, aiRoles: ['wizard'] }).success).toBe(
      false,
    );
    expect(engagementInputSchema.safeParse({ ...minimal, isAdmin: true }).success).toBe(false);
    const dates = engagementInputSchema.safeParse({
      ...minimal,
      startDate: '2026-05-02',
      endDate: '2026-05-01',
    });
    expect(dates.error?.issues.map((i) => i.path.join('.'))).toEqual(['endDate']);
    const sameDay = { ...minimal, startDate: '2026-05-02', endDate: '2026-05-02' };
    expect(engagementInputSchema.safeParse(sameDay).success).toBe(true);
  });
});

describe('ids and the command list', () => {
  it('idSchema accepts a lower-case UUID and refuses anything else', () => {
    expect(idSchema.safeParse('0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b').success).toBe(true);
    for (const bad of ['0190A1B2-C3D4-7E5F-8A9B-0C1D2E3F4A5B', '1', '', '../etc/passwd']) {
      expect(idSchema.safeParse(bad).success, bad).toBe(false);
    }
  });

  it('names every command <domain>.<verb> after its key, and isCommandName ignores inherited keys', () => {
    for (const name of commandNames) {
      expect(name).toMatch(/^[a-z][A-Za-z0-9]*\.[a-z][A-Za-z]*$/); // a domain may carry a number: iso27001
      expect(contracts[name].name).toBe(name);
      expect(isCommandName(name)).toBe(true);
    }
    for (const name of ['toString', '__proto__', 'constructor', 'hasOwnProperty', 'app']) {
      expect(isCommandName(name), name).toBe(false);
    }
  });
});
