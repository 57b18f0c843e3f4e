/**
 * On a damaged store opened read-only, a command whose read hits the damaged page is answered
 * with what to do (restore a backup), not with "could not complete" as if it were a bug.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestCore } from '../helpers/core';
import { damagedStore } from '../helpers/damaged-store';

describe('a read that hits the damaged part of the store', () => {
  let core: Awaited<ReturnType<typeof startTestCore>>;
  beforeAll(async () => {
    const { dataDir } = await damagedStore();
    core = await startTestCore(dataDir);
  }, 60_000);
  afterAll(() => core?.close());

  it('is refused as UNAVAILABLE with the way out, while sound tables still read', async () => {
    expect((await core.dispatcher.dispatch('engagements.list', {})).ok).toBe(true);
    // Assessments are listed with their progress, counted from the damaged responses page.
    const answers = await core.dispatcher.dispatch('assessments.list', {});
    expect(answers.ok).toBe(false);
    if (answers.ok) return;
    expect(answers.error.code).toBe('UNAVAILABLE');
    expect(answers.error.message).toMatch(/damaged part of the database.*restore a backup/);
  });
});
