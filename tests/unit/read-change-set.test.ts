import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { changeSetSchema } from '../../electron/core/sync';
import { readChangeSet } from '../../electron/core/sync/read-set';
import { changeSchema, auditRowSchema } from '../../electron/core/sync/changeset';

const hex64 = fc.stringMatching(/^[0-9a-f]{64}$/);
const textUpTo = (max: number) => fc.string({ maxLength: max });
const textOrNull = fc.option(fc.string({ maxLength: 40 }), { nil: null });

const change = fc.record({
  id: fc.string({ minLength: 3, maxLength: 200 }),
  replica: fc.string({ minLength: 1, maxLength: 100 }),
  counter: fc.integer({ min: 1 }),
  engagementId: fc.option(textUpTo(200), { nil: null }),
  tbl: fc.string({ minLength: 1, maxLength: 100 }),
  rowId: fc.string({ minLength: 1, maxLength: 1000 }),
  field: textUpTo(100),
  op: fc.constantFrom('create', 'set', 'delete', 'merge'),
  valueJson: textOrNull,
  parents: fc.array(textUpTo(200), { maxLength: 3 }),
  actor: textUpTo(500),
  at: textUpTo(100),
});

const auditRow = fc.record({
  at: fc.string(),
  actor: fc.string(),
  action: fc.string(),
  entityType: fc.string(),
  entityId: fc.string(),
  scopeId: textOrNull,
  beforeJson: textOrNull,
  afterJson: textOrNull,
  originReplica: textOrNull,
  originHash: textOrNull,
  prevHash: hex64,
  hash: hex64,
});

const changeSet = fc.record({
  format: fc.constant('assay-changeset'),
  version: fc.constant(1),
  replica: fc.string({ minLength: 1, maxLength: 20 }),
  versionVector: fc.dictionary(fc.string({ maxLength: 10 }), fc.nat()),
  engagementId: fc.string({ minLength: 1, maxLength: 20 }),
  changes: fc.array(change, { maxLength: 4 }),
  audit: fc.array(auditRow, { maxLength: 3 }),
  blobs: fc.array(
    fc.record({ sha256: hex64, size: fc.nat(), storedAt: fc.string({ maxLength: 10 }) }),
    { maxLength: 2 },
  ),
});

/** What a damaged or hostile file may put in place of a field's value. */
const hostileValue = fc.oneof(
  fc.constant(undefined),
  fc.constant(null),
  fc.string({ maxLength: 3 }),
  fc.string({ minLength: 60, maxLength: 70 }),
  fc.string({ minLength: 199, maxLength: 202 }),
  fc.string({ minLength: 999, maxLength: 1002 }),
  fc.constantFrom(0, -1, 1, 1.5, 2 ** 53, 1e300, -0, Number.NaN, Infinity),
  fc.boolean(),
  fc.constant([]),
  fc.constant({}),
  fc.array(fc.string({ maxLength: 3 }), { maxLength: 3 }),
  fc.array(fc.integer(), { minLength: 1, maxLength: 2 }),
  fc.constantFrom('create', 'set', 'delete', 'merge', 'drop'),
  hex64,
);

type Json = Record<string, unknown>;

/** Replaces (or removes, or adds) one field of one change, audit row, blob or the envelope. */
const damaged = fc
  .tuple(
    changeSet,
    fc.constantFrom('envelope', 'change', 'audit', 'blob', 'whole-change', 'whole-audit'),
    fc.nat(),
    fc.string({ maxLength: 16 }),
    hostileValue,
    fc.boolean(),
  )
  .map(([set, where, index, extraKey, value, knownKey]) => {
    const copy = structuredClone(set) as Json;
    const list = (name: string) => copy[name] as unknown[];
    const pick = (items: unknown[]): Json | null =>
      items.length === 0 ? null : (items[index % items.length] as Json);
    const target =
      where === 'envelope'
        ? copy
        : where === 'change'
          ? pick(list('changes'))
          : where === 'audit'
            ? pick(list('audit'))
            : where === 'blob'
              ? pick(list('blobs'))
              : null;
    if (where === 'whole-change' || where === 'whole-audit') {
      const items = list(where === 'whole-change' ? 'changes' : 'audit');
      if (items.length > 0) items[index % items.length] = value;
      return copy;
    }
    if (!target) return copy;
    const keys = Object.keys(target);
    const key = knownKey && keys.length > 0 ? keys[index % keys.length]! : extraKey;
    if (value === undefined) delete target[key];
    else target[key] = value;
    return copy;
  });

/** A copy of `set` whose first change or audit row has `field` set to `value` (or left out). */
function withField(set: object, list: 'changes' | 'audit', field: string, value: unknown): unknown {
  const copy = structuredClone(set) as Record<typeof list, Record<string, unknown>[]>;
  if (value === undefined) delete copy[list][0]![field];
  else copy[list][0]![field] = value;
  return copy;
}

/** One generated set with at least one change and one audit row. */
const aFullSet = (seed: number) =>
  fc.sample(
    changeSet.filter((s) => s.changes.length > 0 && s.audit.length > 0),
    { numRuns: 1, seed },
  )[0]!;

function agree(input: unknown): void {
  const zod = changeSetSchema.safeParse(input);
  const read = readChangeSet(input);
  expect(read !== null).toBe(zod.success);
  if (zod.success) expect(read).toStrictEqual(zod.data);
}

describe('reading a change set from a file (the hand-written check of its changes and audit rows)', () => {
  it('takes what the zod schema takes, with the same output, on generated sets', () => {
    fc.assert(fc.property(changeSet, agree), { numRuns: 300 });
  });

  it('refuses exactly what the zod schema refuses when a field is missing, wrong, too long or extra', () => {
    fc.assert(fc.property(damaged, agree), { numRuns: 2000 });
  });

  it('holds every bound of every field as the schema does (just inside and just outside)', () => {
    const base = aFullSet(3);
    const strings = (lengths: number[]) => lengths.map((n) => 'x'.repeat(n));
    const around = (min: number, max: number) =>
      strings(
        [
          0, 1, 2, 3, 4, 59, 63, 64, 65, 99, 100, 101, 199, 200, 201, 499, 500, 501, 999, 1000,
          1001,
        ].filter((n) => n >= min - 1 && n <= max + 1),
      );
    const numbers = [0, 1, -1, 1.5, 2 ** 53 - 1, 2 ** 53, -0, Number.NaN, Infinity, '1'];
    const parents = [
      [],
      ['x'.repeat(200)],
      ['x'.repeat(201)],
      [1],
      Array.from({ length: 10_000 }, () => 'p'),
      Array.from({ length: 10_001 }, () => 'p'),
      'p',
    ];
    const changeValues: Record<string, unknown[]> = {
      id: around(3, 200),
      replica: around(1, 100),
      counter: numbers,
      engagementId: [null, ...around(0, 200)],
      tbl: around(1, 100),
      rowId: around(1, 1000),
      field: around(0, 100),
      op: ['create', 'set', 'delete', 'merge', 'Set', '', null],
      valueJson: [null, '', '{}', 1],
      parents,
      actor: around(0, 500),
      at: around(0, 100),
    };
    for (const [field, values] of Object.entries(changeValues)) {
      for (const value of [...values, undefined]) agree(withField(base, 'changes', field, value));
    }
    const auditValues = [null, '', 'x', 1, ...around(63, 65)];
    for (const field of Object.keys(auditRowSchema.shape)) {
      for (const value of [...auditValues, undefined])
        agree(withField(base, 'audit', field, value));
    }
  });

  it('refuses whatever is not a change set at all, as the schema does', () => {
    for (const input of [null, undefined, 1, 'x', [], {}, { changes: [] }]) agree(input);
    fc.assert(fc.property(fc.anything(), agree), { numRuns: 300 });
  });

  it('leaves out unknown keys and returns each change and audit row with exactly the schema fields', () => {
    const set = aFullSet(7);
    const withExtras = {
      ...set,
      extra: 1,
      changes: set.changes.map((c) => ({ ...c, extra: 'x' })),
      audit: set.audit.map((a) => ({ ...a, extra: 'x' })),
    };
    const read = readChangeSet(withExtras)!;
    expect(read).not.toHaveProperty('extra');
    expect(Object.keys(read.changes[0]!).sort()).toEqual(Object.keys(changeSchema.shape).sort());
    expect(Object.keys(read.audit[0]!).sort()).toEqual(Object.keys(auditRowSchema.shape).sort());
  });
});
