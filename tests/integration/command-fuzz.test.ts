import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { commandNames, contracts } from '../../shared/contracts';
import { startTestCore } from '../helpers/core';
import { tableCounts } from '../helpers/db';

/**
 * Every command gets malformed input derived from its own zod contract (through its JSON
 * schema), so a new command is fuzzed the moment it is declared: wrong types for the whole input
 * and for each field, missing required fields, extra fields, 10 MB strings, `__proto__` keys.
 */
interface PropertySchema {
  type?: string | string[];
  anyOf?: PropertySchema[];
}
interface ObjectSchema {
  type?: string;
  properties?: Record<string, PropertySchema>;
  required?: string[];
}

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const proto = () => JSON.parse('{"__proto__": {"x": 1}}') as unknown;

function typesOf(schema: PropertySchema): string[] {
  if (schema.anyOf) return schema.anyOf.flatMap(typesOf);
  if (Array.isArray(schema.type)) return schema.type;
  return schema.type ? [schema.type] : [];
}

/** Values the property's schema does not accept, by the JSON type it declares. */
function wrongValues(schema: PropertySchema): unknown[] {
  const types = new Set(typesOf(schema));
  const candidates: [string, unknown][] = [
    ['number', 42],
    ['number', -0.5],
    ['boolean', true],
    ['object', proto()],
    ['object', { nested: 1 }],
    ['array', ['a']],
    ['array', [42]],
    ['null', null],
    ['string', 'not-what-you-expected'],
  ];
  const wrong = candidates
    .filter(([type]) => !types.has(type) && !(type === 'number' && types.has('integer')))
    .map(([, value]) => value);
  if (types.has('string')) wrong.push(TEN_MB);
  if (types.has('array')) wrong.push([TEN_MB], [null], [{}]);
  if (types.has('integer')) wrong.push(1.5, 1e12);
  return wrong;
}

function malformedInputs(schema: ObjectSchema): [string, unknown][] {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const cases: [string, unknown][] = [
    ['whole input: number', 42],
    ['whole input: string', 'input'],
    ['whole input: array', [{}]],
    ['whole input: null', null],
    ['whole input: boolean', true],
    ['whole input: 10 MB string', TEN_MB],
    ['extra field only', { isAdmin: true }],
    ['__proto__ key only', proto()],
    ['constructor key', { constructor: { prototype: { x: 1 } } }],
  ];
  for (const [name, property] of Object.entries(properties)) {
    for (const value of wrongValues(property)) {
      const label = `${name} = ${typeof value === 'string' && value.length > 40 ? '10 MB string' : JSON.stringify(value)}`;
      cases.push([label, { [name]: value }]);
    }
  }
  if (required.length > 0) cases.push(['every required field missing', {}]);
  return cases;
}

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
const tally = { tried: 0, refused: 0, changed: 0 };

function fingerprint(): string {
  const sqlite = core.store.sqlite;
  const lastAudit = sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get();
  return JSON.stringify({ counts: tableCounts(sqlite), lastAudit });
}

beforeAll(async () => {
  core = await startTestCore();
  const created = await core.dispatcher.dispatch('engagements.create', {
    clientName: 'Fuzz Ltd',
    aimsScope: 'Everything',
    leadAssessor: 'Lead',
  });
  if (!created.ok) throw new Error(created.error.message);
});

afterAll(() => {
  console.log(
    `fuzz: tried ${tally.tried} inputs, ${tally.refused} refused, ${tally.changed} changed the database`,
  );
  core.close();
});

describe('command fuzzing', () => {
  it.each(commandNames)(
    '%s refuses every malformed input as VALIDATION and changes nothing',
    async (name) => {
      const schema = z.toJSONSchema(contracts[name].input, {
        io: 'input',
        unrepresentable: 'any',
      }) as ObjectSchema;
      const cases = malformedInputs(schema);
      expect(cases.length).toBeGreaterThan(8);
      const before = fingerprint();
      const wrong: string[] = [];
      for (const [label, payload] of cases) {
        tally.tried += 1;
        const result = await core.dispatcher.dispatch(name, payload);
        if (!result.ok && result.error.code === 'VALIDATION') tally.refused += 1;
        else wrong.push(`${label} → ${result.ok ? 'ok' : result.error.code}`);
        if (fingerprint() !== before) {
          tally.changed += 1;
          wrong.push(`${label} changed the database`);
        }
      }
      expect(wrong).toEqual([]);
      expect(Object.prototype).not.toHaveProperty('x');
      // Still serving.
      expect((await core.dispatcher.dispatch('app.info', {})).ok).toBe(true);
    },
  );

  it('a refused 10 MB string names the field and its limit instead of echoing the text', async () => {
    const result = await core.dispatcher.dispatch('engagements.create', {
      clientName: 'Fuzz',
      leadAssessor: 'Lead',
      aimsScope: TEN_MB,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('aimsScope: must be at most 20000 characters');
    expect(JSON.stringify(result).length).toBeLessThan(2000);
  });
});
