import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedDemo } from '../../electron/core/demo/seed';
import { startTestCore } from '../helpers/core';
import { caller, type TestCore } from '../helpers/risk-core';

let core: TestCore;
let demo: Awaited<ReturnType<typeof seedDemo>>;
beforeAll(async () => {
  core = await startTestCore();
  demo = await seedDemo(core.ctx, { size: 'small', seed: 42 });
}, 120_000);
afterAll(() => core.close());

/** The first words of a requirement area's action texts, to see which area a text was written for. */
const areaWords: [RegExp, RegExp][] = [
  [/^(6\.1\.[12]|8\.2)$/, /risk assessment/i],
  [/^(5\.|A\.2)/, /policy/i],
  [/^A\.7/, /data/i],
  [/^A\.10/, /supplier/i],
  [/^(7\.2|7\.3)$/, /course|competence/i],
];

describe('the demo’s audits, review and actions', () => {
  it('writes each corrective action for its own finding’s requirement', async () => {
    const { ok } = caller(core);
    const listed = await ok('correctiveActions.list', {
      engagementId: demo.engagementIds[0] ?? '',
    });
    // An accepted finding has no action written: only its acceptance and reason.
    const actions = listed.actions.filter((a) => a.status !== 'accepted');
    expect(actions.length).toBeGreaterThan(5);
    for (const a of actions) {
      const text = `${a.correction} ${a.rootCause} ${a.action}`;
      // Every action names its requirement, or speaks of that requirement's subject.
      const subject = areaWords.find(([ref]) => ref.test(a.finding.requirementRef))?.[1];
      if (subject) expect(text, a.finding.requirementRef).toMatch(subject);
      expect(a.action.length).toBeGreaterThan(20);
    }
    // No two actions of different areas share the same wording.
    const byText = new Map<string, Set<string>>();
    for (const a of actions) {
      const area = a.finding.requirementRef.split('.').slice(0, 2).join('.');
      byText.set(a.action, (byText.get(a.action) ?? new Set()).add(area));
    }
    expect([...byText.values()].every((areas) => areas.size === 1)).toBe(true);
  });

  it('gives the held audits answered checklists, and the second audit’s nonconformities are findings of this year’s assessment', async () => {
    const { ok } = caller(core);
    const engagementId = demo.engagementIds[0] ?? '';
    const [programme] = await ok('audits.programmes', { engagementId });
    const audits = await ok('audits.list', { programmeId: programme?.id ?? '' });
    const held = audits.filter((a) => a.status === 'completed');
    expect(held).toHaveLength(2);
    const checklists = await Promise.all(
      held.map((a) => ok('audits.checklist', { auditId: a.id })),
    );
    for (const c of checklists) {
      expect(c.progress.total).toBeGreaterThan(3);
      expect(c.progress.answered).toBe(c.progress.total);
    }
    const raised = checklists.flatMap((c) => c.findings);
    expect(raised.map((f) => [f.requirementRef, f.grade])).toEqual([
      ['8.3', 'minor'],
      ['A.6.2.4', 'major'],
    ]);
    expect(raised.map((f) => f.actionStatus)).toEqual(['open', null]);
    expect(new Set(raised.map((f) => f.assessmentId))).toEqual(new Set(demo.assessmentIds));
    const log = await ok('findings.list', { assessmentId: demo.assessmentIds[0] ?? '' });
    expect(log.filter((f) => f.audit).map((f) => f.audit?.title)).toEqual([
      'Operation and the AI system life cycle',
      'Operation and the AI system life cycle',
    ]);
    expect(checklists[0]?.progress.counts).toMatchObject({ observation: 1, 'not-audited': 1 });
  });

  it('prepares a management review with the organisation’s inputs and its decisions and actions', async () => {
    const { ok } = caller(core);
    const [review] = await ok('managementReviews.list', {
      engagementId: demo.engagementIds[0] ?? '',
    });
    expect(review).toMatchObject({ title: 'Management review 2026', status: 'planned' });
    expect(review?.interestedParties).not.toBe('');
    expect(review?.decisions.length).toBeGreaterThanOrEqual(3);
    expect(review?.decisions.every((d) => d.owner && d.dueDate)).toBe(true);
    expect(demo.managementReviews).toBe(1);
  });
});
