import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { verifyAuditChain } from '../../electron/core/audit';
import { handlers } from '../../electron/core/commands';
import { commandNames, contracts } from '../../shared/contracts';
import type { Engagement, EngagementInput } from '../../shared/contracts/engagements';
import type { CommandErrorBody, Result } from '../../shared/contracts/envelope';
import { startTestCore } from '../helpers/core';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
beforeEach(async () => {
  core = await startTestCore();
});
afterEach(() => core.close());

const input: EngagementInput = {
  clientName: 'Northwind Analytics',
  aimsScope: 'Credit-scoring models and the customer chatbot',
  aiRoles: ['provider', 'customer'],
  sites: ['Lisbon'],
  leadAssessor: 'R. Costa',
  startDate: '2026-03-02',
  endDate: '2026-03-20',
  notes: 'Kick-off agreed.',
};

async function ok<T>(name: string, payload: unknown): Promise<T> {
  const result = await core.dispatcher.dispatch(name, payload);
  if (!result.ok) throw new Error(`${name} failed: ${result.error.code} ${result.error.message}`);
  return result.value as T;
}

async function failure(name: string, payload: unknown): Promise<CommandErrorBody> {
  const result: Result<unknown> = await core.dispatcher.dispatch(name, payload);
  if (result.ok) throw new Error(`${name} unexpectedly succeeded`);
  return result.error;
}

const auditRows = () =>
  (core.store.sqlite.prepare('SELECT count(*) AS n FROM audit_log').get() as { n: number }).n;

describe('command registry', () => {
  it('has exactly one handler for every contract in shared/contracts', () => {
    expect(Object.keys(handlers).sort()).toEqual([...commandNames].sort());
    for (const name of commandNames) {
      expect(typeof handlers[name], name).toBe('function');
      expect(contracts[name].name).toBe(name);
    }
  });

  it('creates, lists, gets, updates and deletes an engagement through the dispatcher', async () => {
    const created = await ok<Engagement>('engagements.create', input);
    expect(created).toMatchObject({ ...input, assessmentCount: 0, updatedBy: 'tester' });

    const listed = await ok<Engagement[]>('engagements.list', {});
    expect(listed.map((e) => e.id)).toEqual([created.id]);
    expect(await ok<Engagement>('engagements.get', { id: created.id })).toEqual(created);

    const updated = await ok<Engagement>('engagements.update', {
      ...input,
      id: created.id,
      clientName: 'Northwind Analytics Ltd',
      sites: ['Lisbon', 'Porto'],
    });
    expect(updated).toMatchObject({ id: created.id, clientName: 'Northwind Analytics Ltd' });
    expect(updated.sites).toEqual(['Lisbon', 'Porto']);
    expect(updated.createdAt).toBe(created.createdAt);

    expect(await ok('engagements.delete', { id: created.id })).toEqual({ ok: true });
    expect(await ok<Engagement[]>('engagements.list', {})).toEqual([]);
    const gone = await failure('engagements.get', { id: created.id });
    expect(gone.code).toBe('NOT_FOUND');
  });

  it('fills optional fields with their defaults and trims typed text', async () => {
    const created = await ok<Engagement>('engagements.create', {
      clientName: '  Contoso  ',
      aimsScope: 'All AI systems',
      leadAssessor: 'Lead',
    });
    expect(created).toMatchObject({
      clientName: 'Contoso',
      aiRoles: [],
      sites: [],
      startDate: null,
      endDate: null,
      notes: '',
    });
  });

  it('a missing clientName is refused as VALIDATION naming the field', async () => {
    const { clientName: _omitted, ...rest } = input;
    const error = await failure('engagements.create', rest);
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.[0]?.path).toBe('clientName');
    expect(error.message).toContain('clientName');
    expect(await ok<Engagement[]>('engagements.list', {})).toEqual([]);
  });

  it('an end date before the start date is refused naming endDate', async () => {
    const error = await failure('engagements.create', {
      ...input,
      startDate: '2026-03-20',
      endDate: '2026-03-02',
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.issues?.map((i) => i.path)).toEqual(['endDate']);
    expect(error.message).toContain('endDate');

    const created = await ok<Engagement>('engagements.create', input);
    const onUpdate = await failure('engagements.update', {
      ...input,
      id: created.id,
      endDate: '2026-01-01',
    });
    expect(onUpdate.details?.issues?.[0]?.path).toBe('endDate');
  });

  it('an unknown command is answered with UNKNOWN_COMMAND, also for inherited object keys', async () => {
    for (const name of ['engagements.explode', 'toString', '__proto__', 'constructor', '']) {
      const error = await failure(name, {});
      expect(error.code, name).toBe('UNKNOWN_COMMAND');
    }
  });

  it('an id that does not exist is NOT_FOUND for get, update and delete, and changes nothing', async () => {
    const id = '01900000-0000-7000-8000-000000000000';
    const rowsBefore = auditRows();
    expect((await failure('engagements.get', { id })).code).toBe('NOT_FOUND');
    expect((await failure('engagements.update', { ...input, id })).code).toBe('NOT_FOUND');
    const deleted = await failure('engagements.delete', { id });
    expect(deleted.code).toBe('NOT_FOUND');
    expect(deleted.message).toContain(id);
    expect(auditRows()).toBe(rowsBefore);
  });

  it('appends one audit row per change, and app.auditVerify reports an intact chain', async () => {
    const start = auditRows();
    const created = await ok<Engagement>('engagements.create', input);
    await ok('engagements.update', { ...input, id: created.id, notes: 'Second visit booked.' });
    await ok('engagements.delete', { id: created.id });
    await ok('engagements.list', {});
    expect(auditRows()).toBe(start + 3);
    const actions = core.store.sqlite
      .prepare(
        'SELECT action, entity_id AS entityId, actor FROM audit_log WHERE seq > ? ORDER BY seq',
      )
      .all(start);
    expect(actions).toEqual(
      ['engagement.create', 'engagement.update', 'engagement.delete'].map((action) => ({
        action,
        entityId: created.id,
        actor: 'tester',
      })),
    );
    expect(await ok('app.auditVerify', {})).toEqual({ ok: true, rows: start + 3, brokenAt: null });
  });

  it('the database refuses a direct UPDATE or DELETE on audit_log', async () => {
    await ok('engagements.create', input);
    const sqlite = core.store.sqlite;
    expect(() => sqlite.prepare(`UPDATE audit_log SET actor = 'mallory'`).run()).toThrow(
      /append-only/,
    );
    expect(() => sqlite.prepare('DELETE FROM audit_log WHERE seq = 1').run()).toThrow(
      /append-only/,
    );
    expect(verifyAuditChain(sqlite).ok).toBe(true);
  });

  it('an altered audit row shows as the first broken link once the triggers are bypassed', async () => {
    const created = await ok<Engagement>('engagements.create', input);
    await ok('engagements.update', { ...input, id: created.id, notes: 'changed' });
    await ok('engagements.delete', { id: created.id });
    const sqlite = core.store.sqlite;
    const target = sqlite
      .prepare(`SELECT seq FROM audit_log WHERE action = 'engagement.update'`)
      .get() as { seq: number };

    // Test only: an attacker with the file could drop the triggers; the chain must still tell.
    sqlite.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
    sqlite.prepare(`UPDATE audit_log SET actor = 'mallory' WHERE seq = ?`).run(target.seq);

    const verdict = verifyAuditChain(sqlite);
    expect(verdict).toMatchObject({ ok: false, brokenAt: target.seq });
    expect(await ok('app.auditVerify', {})).toMatchObject({ ok: false, brokenAt: target.seq });
  });

  it('a deleted audit row breaks the chain at the row after it', async () => {
    const created = await ok<Engagement>('engagements.create', input);
    await ok('engagements.update', { ...input, id: created.id, notes: 'changed' });
    await ok('engagements.delete', { id: created.id });
    const sqlite = core.store.sqlite;
    const rows = sqlite.prepare('SELECT seq FROM audit_log ORDER BY seq').all() as {
      seq: number;
    }[];
    const [, victim, next] = rows.slice(-3);
    sqlite.exec('DROP TRIGGER audit_log_no_delete;');
    sqlite.prepare('DELETE FROM audit_log WHERE seq = ?').run(victim?.seq);
    expect(verifyAuditChain(sqlite)).toMatchObject({ ok: false, brokenAt: next?.seq });
  });
});
