import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { startCore } from '../../electron/core/start';
import { projectRoot, tempDir } from '../helpers/core';

/** The README's recipe: copy the catalog, give it its own id, add a question, raise the revision. */
function appRootWithCustomCopy(): string {
  const root = tempDir('assay-custom-catalog-');
  fs.cpSync(path.join(projectRoot, 'migrations'), path.join(root, 'migrations'), {
    recursive: true,
  });
  fs.mkdirSync(path.join(root, 'resources', 'frameworks'), { recursive: true });
  const source = path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json');
  fs.copyFileSync(source, path.join(root, 'resources', 'frameworks', 'iso-iec-42001.json'));
  const copy = JSON.parse(fs.readFileSync(source, 'utf8')) as {
    framework: { id: string; name: string };
    revision: number;
    nodes: { ref: string; guidance?: { questions: { text: string; stage: number }[] } }[];
  };
  copy.framework.id = 'acme-42001';
  copy.framework.name = 'ISO/IEC 42001:2023 (Acme edition)';
  copy.nodes
    .find((n) => n.ref === '6.1.2')
    ?.guidance?.questions.push({
      text: 'How does the risk committee at Acme sign off each AI risk rating?',
      stage: 2,
    });
  fs.writeFileSync(
    path.join(root, 'resources', 'frameworks', 'acme-42001.json'),
    JSON.stringify(copy),
  );
  return root;
}

describe('a consultant’s own copy of the catalog', () => {
  it('loads beside ours and can be assessed against, with its added question', async () => {
    const core = await startCore({
      dataDir: tempDir(),
      appRoot: appRootWithCustomCopy(),
      version: 't',
      transport: 'http',
      actor: 't',
    });
    try {
      const frameworks = await core.dispatcher.dispatch('catalog.frameworks', {});
      expect(
        frameworks.ok && (frameworks.value as { id: string }[]).map((f) => f.id).sort(),
      ).toEqual(['acme-42001', 'iso-iec-42001-2023']);
      const view = await core.dispatcher.dispatch('catalog.get', { frameworkId: 'acme-42001' });
      const questions = view.ok
        ? (
            view.value as {
              requirements: { ref: string; guidance: { questions: { text: string }[] } | null }[];
            }
          ).requirements.find((r) => r.ref === '6.1.2')?.guidance?.questions
        : [];
      expect(questions?.at(-1)?.text).toContain('Acme');

      const engagement = await core.dispatcher.dispatch('engagements.create', {
        clientName: 'Acme',
        aimsScope: 'x',
        leadAssessor: 'L',
      });
      const engagementId = engagement.ok ? (engagement.value as { id: string }).id : '';
      const assessment = await core.dispatcher.dispatch('assessments.create', {
        engagementId,
        frameworkId: 'acme-42001',
        title: 'Acme review',
      });
      expect(assessment.ok).toBe(true);
      const assessmentId = assessment.ok ? (assessment.value as { id: string }).id : '';
      const saved = await core.dispatcher.dispatch('responses.save', {
        assessmentId,
        requirementId: 'acme-42001:6.1.2',
        result: 'conformant',
      });
      expect(saved.ok).toBe(true);
      const wrongFramework = await core.dispatcher.dispatch('responses.save', {
        assessmentId,
        requirementId: 'iso-iec-42001-2023:6.1.2',
        result: 'conformant',
      });
      expect(wrongFramework.ok ? 'ok' : wrongFramework.error.code).toBe('VALIDATION');
      const readiness = await core.dispatcher.dispatch('readiness.get', { assessmentId });
      expect(readiness.ok).toBe(true);
    } finally {
      core.close();
    }
  });
});
