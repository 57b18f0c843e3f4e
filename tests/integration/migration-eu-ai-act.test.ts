import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/start';
import type { AiSystem } from '../../shared/contracts/ai-systems';
import { appRootBefore, appRootThrough, migrationTag } from '../helpers/app-root';
import { startTestCore, tempDir } from '../helpers/core';
import { requirementKey, rowsOf, seedAssessment } from '../helpers/db';

const TAG = migrationTag('eu_ai_act_scoping');

const SYSTEM_IDS = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2'];

describe(`migration ${TAG} on a populated database`, () => {
  it('adds the EU AI Act scoping columns with "not scoped" values, keeps every row and drops the unused crosswalk table', async () => {
    const dataDir = tempDir('assay-eu-ai-act-migration-');
    const old = await startCore({
      dataDir,
      appRoot: appRootBefore(TAG),
      version: 'previous',
      transport: 'http',
      actor: 't',
    });
    const seeded = seedAssessment(old.store.sqlite, 1, ['4.1', 'A.6.2.8', '8.4']);
    const at = '2026-01-15T10:00:00.000Z';
    for (const [i, id] of SYSTEM_IDS.entries()) {
      old.store.sqlite
        .prepare(
          `INSERT INTO ai_systems (id, engagement_id, name, org_role, lifecycle_stage, data_categories_json,
             affected_parties_json, third_parties_json, created_at, updated_at, updated_by)
           VALUES (?, ?, ?, 'provider', 'operation', '["personal"]', '["Applicants"]', '[]', ?, ?, 't')`,
        )
        .run(id, seeded.engagementId, `System ${i + 1}`, at, at);
    }
    old.store.sqlite
      .prepare(
        `INSERT INTO impact_assessments (id, ai_system_id, severity, likelihood, created_at, updated_at, updated_by)
         VALUES ('01900000-0000-7000-8000-0000000000b1', ?, 3, 2, ?, ?, 't')`,
      )
      .run(SYSTEM_IDS[0], at, at);
    old.store.sqlite
      .prepare(
        `INSERT INTO crosswalk_mappings (id, requirement_id, target_framework, target_ref, source)
         VALUES ('01900000-0000-7000-8000-0000000000c1', ?, 'NIST AI RMF 1.0', 'GOVERN 1.1', 'old')`,
      )
      .run(requirementKey('4.1'));
    const tables = ['engagements', 'assessments', 'responses', 'findings', 'impact_assessments'];
    const before = Object.fromEntries(tables.map((t) => [t, rowsOf(old.store.sqlite, t)]));
    const systemsBefore = rowsOf(old.store.sqlite, 'ai_systems') as Record<string, unknown>[];
    old.close();

    const core = await startTestCore(dataDir, appRootThrough(TAG));
    try {
      expect(core.store.migration.applied).toBe(1);
      expect(core.store.migration.backupFile).not.toBeNull();
      const sqlite = core.store.sqlite;
      expect(sqlite.prepare('PRAGMA foreign_key_check').all()).toEqual([]);
      expect(sqlite.pragma('integrity_check', { simple: true })).toBe('ok');
      for (const t of tables) expect(rowsOf(sqlite, t), t).toEqual(before[t]);
      const systemsAfter = rowsOf(sqlite, 'ai_systems') as Record<string, unknown>[];
      expect(systemsAfter).toEqual(
        systemsBefore.map((row) => ({
          ...row,
          eu_ai_act_roles_json: '[]',
          eu_ai_act_risk_class: null,
          eu_ai_act_annex_iii_point: null,
        })),
      );
      expect(
        sqlite.prepare(`SELECT name FROM sqlite_master WHERE name = 'crosswalk_mappings'`).get(),
      ).toBeUndefined();

      // The migrated systems read and scope through the commands like new ones.
      const listed = await core.dispatcher.dispatch('aiSystems.list', {
        engagementId: seeded.engagementId,
      });
      if (!listed.ok) throw new Error(listed.error.message);
      const first = (listed.value as AiSystem[])[0];
      expect(first).toMatchObject({ euAiActRoles: [], euAiActRiskClass: null });
      const scoped = await core.dispatcher.dispatch('aiSystems.update', {
        id: SYSTEM_IDS[0] ?? '',
        name: 'System 1',
        orgRole: 'provider',
        lifecycleStage: 'operation',
        euAiActRoles: ['provider'],
        euAiActRiskClass: 'high-risk',
        euAiActAnnexIiiPoint: 5,
      });
      expect(scoped.ok).toBe(true);
      expect(rowsOf(sqlite, 'impact_assessments')).toEqual(before.impact_assessments);
    } finally {
      core.close();
    }
  });
});
