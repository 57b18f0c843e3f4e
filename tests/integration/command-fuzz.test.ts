import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { commandNames, type CommandName } from '../../shared/contracts';
import type { Engagement } from '../../shared/contracts/engagements';
import { startTestCore } from '../helpers/core';
import { FRAMEWORK_ID, tableCounts } from '../helpers/db';

type Kind = 'text' | 'id' | 'date?' | 'roles' | 'strings';
interface Field {
  kind: Kind;
  required: boolean;
}
interface Spec {
  /** A valid input; each malformed input is derived from it. */
  valid: (engagementId: string) => Record<string, unknown>;
  fields: Record<string, Field>;
}

const engagementFields: Record<string, Field> = {
  clientName: { kind: 'text', required: true },
  aimsScope: { kind: 'text', required: true },
  aiRoles: { kind: 'roles', required: false },
  sites: { kind: 'strings', required: false },
  leadAssessor: { kind: 'text', required: true },
  startDate: { kind: 'date?', required: false },
  endDate: { kind: 'date?', required: false },
  notes: { kind: 'text', required: false },
};
const engagement = {
  clientName: 'Fuzz Ltd',
  aimsScope: 'Everything',
  aiRoles: ['provider'],
  sites: ['HQ'],
  leadAssessor: 'Lead',
  startDate: '2026-01-01',
  endDate: '2026-01-31',
  notes: 'n',
};
const none = { valid: () => ({}), fields: {} };

/** Typed by CommandName: a new command without a fuzz spec does not compile. */
const specs: Record<CommandName, Spec> = {
  'app.info': none,
  'app.auditVerify': none,
  'catalog.frameworks': none,
  'catalog.get': {
    valid: () => ({ frameworkId: FRAMEWORK_ID }),
    fields: { frameworkId: { kind: 'text', required: true } },
  },
  'engagements.list': none,
  'engagements.get': { valid: (id) => ({ id }), fields: { id: { kind: 'id', required: true } } },
  'engagements.delete': { valid: (id) => ({ id }), fields: { id: { kind: 'id', required: true } } },
  'engagements.create': { valid: () => ({ ...engagement }), fields: engagementFields },
  'engagements.update': {
    valid: (id) => ({ id, ...engagement }),
    fields: { id: { kind: 'id', required: true }, ...engagementFields },
  },
};

const TEN_MB = 'x'.repeat(10 * 1024 * 1024);
const proto = () => JSON.parse('{"__proto__": {"x": 1}}') as unknown;

/** Values of a type the field does not take (a string is right for text, null for dates). */
function wrongValues(kind: Kind): unknown[] {
  const always = [42, -0.5, true, {}, proto()];
  switch (kind) {
    case 'text':
    case 'id':
      return [...always, null, [], ['a']];
    case 'date?':
      return [...always, [], ['2026-01-01'], 'soon', '2026-02-30', '2026-1-1'];
    case 'roles':
      return [...always, null, 'provider', ['wizard'], [42], [null]];
    case 'strings':
      return [...always, null, 'HQ', [42], [null], [{}], ['']];
  }
}

function withProtoKey(valid: Record<string, unknown>): unknown {
  const body = JSON.stringify(valid).slice(1);
  return JSON.parse(`{"__proto__": {"x": 1}${body === '}' ? '}' : `, ${body}`}`) as unknown;
}

function malformedInputs(spec: Spec, id: string): [string, unknown][] {
  const valid = spec.valid(id);
  const cases: [string, unknown][] = [
    ['whole input: number', 42],
    ['whole input: string', 'engagement'],
    ['whole input: array', [valid]],
    ['whole input: null', null],
    ['whole input: boolean', true],
    ['whole input: 10 MB string', TEN_MB],
    ['extra field', { ...valid, isAdmin: true }],
    ['__proto__ key', withProtoKey(valid)],
    ['__proto__ key only', proto()],
    ['constructor key', { ...valid, constructor: { prototype: { x: 1 } } }],
  ];
  for (const [name, field] of Object.entries(spec.fields)) {
    for (const value of wrongValues(field.kind)) {
      cases.push([`${name} = ${JSON.stringify(value)?.slice(0, 40)}`, { ...valid, [name]: value }]);
    }
    if (field.required) {
      const { [name]: _dropped, ...rest } = valid;
      cases.push([`missing ${name}`, rest]);
    }
    if (field.kind === 'strings')
      cases.push([`${name}[0] = 10 MB`, { ...valid, [name]: [TEN_MB] }]);
    else if (field.kind !== 'roles') cases.push([`${name} = 10 MB`, { ...valid, [name]: TEN_MB }]);
  }
  return cases;
}

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let engagementId: string;
const tally = { tried: 0, refused: 0, changed: 0 };

function fingerprint(): string {
  const sqlite = core.store.sqlite;
  const engagements = sqlite.prepare('SELECT * FROM engagements ORDER BY id').all();
  const lastAudit = sqlite
    .prepare('SELECT seq, hash FROM audit_log ORDER BY seq DESC LIMIT 1')
    .get();
  return JSON.stringify({ counts: tableCounts(sqlite), engagements, lastAudit });
}

beforeAll(async () => {
  core = await startTestCore();
  const created = await core.dispatcher.dispatch('engagements.create', engagement);
  if (!created.ok) throw new Error(created.error.message);
  engagementId = (created.value as Engagement).id;
});

afterAll(() => {
  console.log(
    `fuzz: tried ${tally.tried} inputs, ${tally.refused} refused, ${tally.changed} changed the database`,
  );
  core.close();
});

describe('command fuzzing', () => {
  it('covers every command in shared/contracts', () => {
    expect(Object.keys(specs).sort()).toEqual([...commandNames].sort());
  });

  it.each(commandNames)(
    '%s refuses every malformed input as VALIDATION and changes nothing',
    async (name) => {
      const spec = specs[name];
      const cases = malformedInputs(spec, engagementId);
      expect(cases.length).toBeGreaterThan(9);
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

      // Still serving: the valid input is answered normally (read-only commands keep the DB as is).
      if (name !== 'engagements.delete') {
        const answer = await core.dispatcher.dispatch(name, spec.valid(engagementId));
        expect(answer.ok).toBe(true);
      }
    },
  );

  it('a refused 10 MB string names the field and its limit instead of echoing the text', async () => {
    const result = await core.dispatcher.dispatch('engagements.create', {
      ...engagement,
      aimsScope: TEN_MB,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.message).toContain('aimsScope: must be at most 20000 characters');
    expect(JSON.stringify(result).length).toBeLessThan(2000);
  });
});
