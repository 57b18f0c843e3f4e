import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  CommandError,
  commandErrorBodySchema,
  describeIssues,
  issuesFromZod,
  type FieldIssue,
} from '../../shared/contracts/envelope';

function zodError(schema: z.ZodType, value: unknown): z.ZodError {
  const parsed = schema.safeParse(value);
  if (parsed.success) throw new Error('expected the value to be refused');
  return parsed.error;
}

describe('issuesFromZod', () => {
  it('gives each issue a dotted path through objects and arrays', () => {
    const schema = z.strictObject({
      clientName: z.string(),
      interviewees: z.array(z.strictObject({ name: z.string(), role: z.string() })),
    });
    const issues = issuesFromZod(
      zodError(schema, {
        clientName: 1,
        interviewees: [{ name: 'Ana', role: 'CISO' }, { name: 'Bo' }],
      }),
    );
    expect(issues.map((i) => i.path)).toEqual(['clientName', 'interviewees.1.role']);
    for (const issue of issues) expect(issue.message.length).toBeGreaterThan(0);
  });

  it('reports a problem with the whole input with an empty path', () => {
    const issues = issuesFromZod(zodError(z.strictObject({}), 42));
    expect(issues).toHaveLength(1);
    expect(issues[0]?.path).toBe('');
  });

  it('keeps a refinement on the field it names', () => {
    const schema = z
      .strictObject({ start: z.number(), end: z.number() })
      .refine((v) => v.end >= v.start, { message: 'must not be before the start', path: ['end'] });
    expect(issuesFromZod(zodError(schema, { start: 2, end: 1 }))).toEqual([
      { path: 'end', message: 'must not be before the start' },
    ]);
  });
});

describe('describeIssues', () => {
  it('names every field with its message', () => {
    expect(
      describeIssues([
        { path: 'clientName', message: 'is required' },
        { path: 'sites.0', message: 'must be at most 200 characters' },
      ]),
    ).toBe('Invalid input — clientName: is required; sites.0: must be at most 200 characters');
  });

  it('shows a whole-input issue without a path prefix', () => {
    expect(describeIssues([{ path: '', message: 'Expected object' }])).toBe(
      'Invalid input — Expected object',
    );
  });

  it('lists at most five issues and counts the rest', () => {
    const issues: FieldIssue[] = Array.from({ length: 8 }, (_, i) => ({
      path: `f${i}`,
      message: 'bad',
    }));
    const message = describeIssues(issues);
    expect(message).toContain('f4: bad');
    expect(message).not.toContain('f5');
    expect(message).toMatch(/\(and 3 more\)$/);
  });
});

describe('CommandError', () => {
  it('carries code, message and the issues of one field', () => {
    const error = new CommandError({
      code: 'VALIDATION',
      message: 'Invalid input — endDate: must not be before the start date',
      details: {
        issues: [
          { path: 'endDate', message: 'must not be before the start date' },
          { path: 'clientName', message: 'is required' },
        ],
      },
    });
    expect(error).toBeInstanceOf(Error);
    expect(error.name).toBe('CommandError');
    expect(error.code).toBe('VALIDATION');
    expect(error.issuesFor('endDate')).toEqual([
      { path: 'endDate', message: 'must not be before the start date' },
    ]);
    expect(error.issuesFor('notes')).toEqual([]);
  });

  it('has no field issues when the body carries no details', () => {
    expect(new CommandError({ code: 'INTERNAL', message: 'x' }).issuesFor('a')).toEqual([]);
  });
});

describe('commandErrorBodySchema', () => {
  it('accepts a known code and refuses an unknown one', () => {
    expect(commandErrorBodySchema.safeParse({ code: 'NOT_FOUND', message: 'gone' }).success).toBe(
      true,
    );
    expect(commandErrorBodySchema.safeParse({ code: 'TEAPOT', message: 'no' }).success).toBe(false);
  });
});
