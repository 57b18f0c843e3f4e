import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Assessment } from '../../shared/contracts/assessments';
import type { DocumentRow } from '../../shared/contracts/documents';
import type { ReadinessView } from '../../shared/contracts/readiness';
import { documentItems } from '../../shared/rules/documented-information';
import { startTestCore } from '../helpers/core';
import { call, fails } from '../helpers/evidence';
import { newAssessment, req } from '../helpers/prepared';

type TestCore = Awaited<ReturnType<typeof startTestCore>>;
let core: TestCore;
let assessment: Assessment;

const inPlace = { exists: true, approved: true, current: true };
const row = (rows: DocumentRow[], key: string) => rows.find((r) => r.key === key);
const list = () => call<DocumentRow[]>(core, 'documents.list', { assessmentId: assessment.id });
const save = (key: string, fields: Record<string, unknown>) =>
  call<DocumentRow>(core, 'documents.save', { assessmentId: assessment.id, key, ...fields });

/** An evidence record of an engagement, written by SQL (the vault is not what is tested here). */
function evidence(engagementId: string, n: number): string {
  const id = `0190aaaa-0000-7000-8000-${String(n).padStart(12, '0')}`;
  const sha = String(n).padStart(64, '0');
  const at = '2026-10-01T10:00:00.000Z';
  const sqlite = core.store.sqlite;
  sqlite
    .prepare('INSERT OR IGNORE INTO evidence_blobs (sha256, size, stored_at) VALUES (?, 1, ?)')
    .run(sha, at);
  sqlite
    .prepare(
      `INSERT INTO evidence_items (id, engagement_id, sha256, title, original_name, media_type, size,
        classification, status, created_at, updated_at, updated_by)
       VALUES (?, ?, ?, ?, 'policy.pdf', 'application/pdf', 1, 'internal', 'accepted', ?, ?, 'tester')`,
    )
    .run(id, engagementId, sha, `AI policy v${n}`, at, at);
  return id;
}

beforeEach(async () => {
  core = await startTestCore();
  assessment = await newAssessment(core);
});
afterEach(() => core.close());

describe('documented information as records', () => {
  it('lists every mandatory item without a record as required and "no record yet"', async () => {
    const rows = await list();
    expect(rows.map((r) => r.key)).toEqual(documentItems.map((d) => d.key));
    expect(rows.every((r) => r.required && r.status === 'not-recorded' && r.record === null)).toBe(
      true,
    );
    expect(row(rows, 'impact-assessment-results')).toMatchObject({
      ref: '8.4',
      countsAgainst: '8.4',
      sharedWith: ['A.5.3', 'A.5.4', 'A.5.5'],
      stage: 2,
    });
  });

  it('records an item, replaces it on the next save, and keeps both in the audit trail', async () => {
    const policy = evidence(assessment.engagementId, 1);
    const created = await save('ai-policy', {
      ...inPlace,
      owner: 'Chief Risk Officer',
      reviewDate: '2099-03-31',
      reference: 'POL-AI-01 v3',
      evidenceIds: [policy, policy],
    });
    expect(created.status).toBe('in-place');
    expect(created.record).toMatchObject({
      owner: 'Chief Risk Officer',
      reference: 'POL-AI-01 v3',
    });
    expect(created.evidence).toEqual([{ id: policy, title: 'AI policy v1' }]);
    const updated = await save('ai-policy', { exists: true, approved: false, current: false });
    expect(updated.status).toBe('not-approved');
    expect(updated.record?.id).toBe(created.record?.id);
    expect(updated.evidence).toEqual([]);
    const trail = core.store.sqlite
      .prepare(
        `SELECT action, before_json AS beforeJson, after_json AS afterJson FROM audit_log
         WHERE entity_type = 'documented_information' ORDER BY seq`,
      )
      .all() as { action: string; beforeJson: string | null; afterJson: string }[];
    expect(trail.map((t) => t.action)).toEqual([
      'documented-information.create',
      'documented-information.update',
    ]);
    expect(JSON.parse(trail[1]?.beforeJson ?? '{}')).toMatchObject({
      approved: true,
      evidenceIds: [policy],
    });
  });

  it('refuses approval of an item that does not exist, naming the field', async () => {
    const error = await fails(core, 'documents.save', {
      assessmentId: assessment.id,
      key: 'ai-policy',
      exists: false,
      approved: true,
      current: false,
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('approved');
    expect((await list()).every((r) => r.record === null)).toBe(true);
  });

  it('refuses an unknown item and evidence of another engagement', async () => {
    const unknown = await fails(core, 'documents.save', {
      assessmentId: assessment.id,
      key: 'the-whole-iso-standard',
      ...inPlace,
    });
    expect(unknown.code).toBe('VALIDATION');
    const other = await newAssessment(core, 'Other client');
    const foreign = evidence(other.engagementId, 2);
    const error = await fails(core, 'documents.save', {
      assessmentId: assessment.id,
      key: 'ai-policy',
      ...inPlace,
      evidenceIds: [foreign],
    });
    expect(error.code).toBe('VALIDATION');
    expect(error.message).toContain('not evidence of this engagement');
  });

  it('is read-only on a final assessment', async () => {
    await call(core, 'assessments.setStatus', { id: assessment.id, status: 'final' });
    const error = await fails(core, 'documents.save', {
      assessmentId: assessment.id,
      key: 'ai-policy',
      ...inPlace,
    });
    expect(error.code).toBe('READ_ONLY');
  });

  it('makes a control item not required once the SoA excludes its control', async () => {
    await call(core, 'soa.save', {
      assessmentId: assessment.id,
      requirementId: req('A.6.2.5'),
      applicable: false,
      justification: 'We only use AI systems others deploy; nothing of ours is deployed.',
      implementationStatus: 'not-applicable',
    });
    const rows = await list();
    expect(row(rows, 'deployment-plan')).toMatchObject({ required: false, status: 'not-required' });
    expect(row(rows, 'ai-policy')?.required).toBe(true);
  });

  it('drops a link when its evidence is deleted, and the records with their assessment', async () => {
    const policy = evidence(assessment.engagementId, 3);
    await save('ai-policy', { ...inPlace, evidenceIds: [policy] });
    core.store.sqlite.prepare('DELETE FROM evidence_items WHERE id = ?').run(policy);
    expect(row(await list(), 'ai-policy')?.evidence).toEqual([]);
    await call(core, 'assessments.delete', { id: assessment.id });
    const left = core.store.sqlite
      .prepare('SELECT count(*) AS n FROM documented_information')
      .get();
    expect(left).toEqual({ n: 0 });
  });

  it('is what readiness reads: a record, never an answer, puts a document in place', async () => {
    await call(core, 'responses.save', {
      assessmentId: assessment.id,
      requirementId: req('5.2'),
      result: 'conformant',
    });
    const before = await call<ReadinessView>(core, 'readiness.get', {
      assessmentId: assessment.id,
    });
    expect(before.documents.find((d) => d.key === 'ai-policy')?.status).toBe('not-recorded');
    const gate = before.gates.find((g) => g.id === 'documents');
    expect(gate?.blockers.some((b) => b.reason.startsWith('AI policy (5.2): no record yet.'))).toBe(
      true,
    );
    await save('ai-policy', inPlace);
    const after = await call<ReadinessView>(core, 'readiness.get', { assessmentId: assessment.id });
    expect(after.documents.find((d) => d.key === 'ai-policy')?.status).toBe('in-place');
    expect(
      after.gates.find((g) => g.id === 'documents')?.blockers.some((b) => b.refs.includes('5.2')),
    ).toBe(false);
  });

  it('counts the internal audit and management review results in place as held', async () => {
    const cycle = async () =>
      (await call<ReadinessView>(core, 'readiness.get', { assessmentId: assessment.id })).cycle;
    expect((await cycle()).map((c) => c.completed)).toEqual([false, false]);
    await save('internal-audit-results', inPlace);
    await save('management-review-results', { ...inPlace, current: false });
    expect(await cycle()).toEqual([
      {
        kind: 'internal-audit',
        source: 'documented-information',
        label: 'Internal audit results',
        completed: true,
        completedOn: null,
      },
      {
        kind: 'management-review',
        source: 'documented-information',
        label: 'Management review results',
        completed: false,
        completedOn: null,
      },
    ]);
  });
});
