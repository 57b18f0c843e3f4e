import { afterEach, describe, expect, it } from 'vitest';
import { startTestCore } from '../../helpers/core';
import { caller, newEngagement, type TestCore } from '../../helpers/risk-core';

let core: TestCore;
afterEach(() => core?.close());

describe('change capture under the app’s own writes', () => {
  it('logs every save of one answer (an upsert) and keeps one head per field — the second save once failed', async () => {
    core = await startTestCore();
    const { ok } = caller(core);
    const engagementId = await newEngagement(core);
    const assessment = await ok('assessments.create', { engagementId, title: 'Readiness' });
    const requirementId = 'iso-iec-42001-2023:4.1';
    for (const notes of ['first', 'second', 'third']) {
      await ok('responses.save', {
        assessmentId: assessment.id,
        requirementId,
        result: 'conformant',
        notes,
      });
    }
    const sqlite = core.store.sqlite;
    const row = sqlite
      .prepare('SELECT id FROM responses WHERE assessment_id = ? AND requirement_id = ?')
      .get(assessment.id, requirementId) as { id: string };
    const notes = sqlite
      .prepare(
        "SELECT id, value_json AS value FROM sync_changes WHERE tbl = 'responses' AND row_id = ? AND field = 'notes' ORDER BY seq",
      )
      .all(row.id) as { id: string; value: string }[];
    expect(notes.map((c) => JSON.parse(c.value) as string)).toEqual(['second', 'third']);
    const heads = sqlite
      .prepare(
        "SELECT change_id FROM sync_heads WHERE tbl = 'responses' AND row_id = ? AND field = 'notes'",
      )
      .all(row.id) as { change_id: string }[];
    expect(heads).toEqual([{ change_id: notes[1]?.id }]);
  });
});
