import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  applicableObligations,
  obligations,
  scopingGap,
  type SystemScope,
} from '../../shared/rules/eu-ai-act-obligations';
import { crosswalkSchema } from '../../shared/crosswalk/format';
import { projectRoot } from '../helpers/core';
import { catalogSchema } from '../../shared/catalog/format';
import { euAiActRoles } from '../../shared/domain/eu-ai-act';
import { referenceIds } from '../helpers/reference';

const system = (over: Partial<SystemScope>): SystemScope => ({
  id: 'id',
  name: 'System',
  roles: [],
  riskClass: null,
  annexIiiPoint: null,
  ...over,
});
const ids = (s: SystemScope) => applicableObligations([s]).map((a) => a.obligation.id);

const aiActRows = crosswalkSchema.parse(
  JSON.parse(
    fs.readFileSync(
      path.join(projectRoot, 'resources', 'crosswalks', 'iso-iec-42001-to-eu-ai-act.json'),
      'utf8',
    ),
  ),
).rows;

describe('EU AI Act obligations from a system’s role and risk class', () => {
  it('a provider of a high-risk Annex III system carries the requirements of Chapter III and the steps to market', () => {
    const found = ids(system({ roles: ['provider'], riskClass: 'high-risk', annexIiiPoint: 5 }));
    expect(found).toEqual([
      'ai-literacy',
      'risk-management',
      'data-governance',
      'technical-documentation',
      'record-keeping',
      'transparency-to-deployers',
      'human-oversight',
      'accuracy-robustness-cybersecurity',
      'quality-management',
      'documentation-keeping',
      'corrective-actions',
      'conformity-assessment',
      'eu-declaration',
      'ce-marking',
      'registration',
      'post-market-monitoring',
      'serious-incident-reporting',
      'transparency-to-people',
    ]);
  });

  it('a deployer of a limited-risk (transparency) system carries AI literacy and the notices to people only', () => {
    expect(ids(system({ roles: ['deployer'], riskClass: 'limited-transparency' }))).toEqual([
      'ai-literacy',
      'transparency-to-people',
    ]);
  });

  it('a deployer of a credit-scoring system is told the fundamental rights impact assessment applies to it', () => {
    const [fria] = applicableObligations([
      system({ roles: ['deployer'], riskClass: 'high-risk', annexIiiPoint: 5 }),
    ]).filter((a) => a.obligation.id === 'fundamental-rights-impact-assessment');
    expect(fria?.obligation.coverage).toBe('none');
    expect(fria?.systems[0]?.condition).toMatch(/credit-scoring/);
    const elsewhere = applicableObligations([
      system({ roles: ['deployer'], riskClass: 'high-risk', annexIiiPoint: 4 }),
    ]).find((a) => a.obligation.id === 'fundamental-rights-impact-assessment');
    expect(elsewhere?.systems[0]?.condition).toMatch(/public bodies/);
  });

  it('conformity assessment, CE marking, registration and the FRIA are stated as not covered by 42001', () => {
    for (const id of [
      'conformity-assessment',
      'ce-marking',
      'registration',
      'eu-declaration',
      'fundamental-rights-impact-assessment',
    ]) {
      const o = obligations.find((x) => x.id === id);
      expect(o?.coverage, id).toBe('none');
      expect(o?.beyond42001.length, id).toBeGreaterThan(15);
    }
  });

  it('a prohibited practice gives rise to nothing but the duty to stop it', () => {
    expect(ids(system({ roles: ['provider', 'deployer'], riskClass: 'prohibited' }))).toEqual([
      'prohibited-practice',
    ]);
  });

  it('a minimal-risk system asks only for AI literacy; an importer of one, for nothing', () => {
    expect(ids(system({ roles: ['provider'], riskClass: 'minimal' }))).toEqual(['ai-literacy']);
    expect(ids(system({ roles: ['importer'], riskClass: 'minimal' }))).toEqual([]);
  });

  it('a provider of a general-purpose model with systemic risk carries both model duties', () => {
    expect(
      ids(system({ roles: ['provider'], riskClass: 'general-purpose-model-systemic' })),
    ).toEqual(['ai-literacy', 'gpai-documentation', 'gpai-systemic-risk']);
  });

  it('importers and distributors of high-risk systems have their own checks', () => {
    expect(ids(system({ roles: ['importer'], riskClass: 'high-risk', annexIiiPoint: 1 }))).toEqual([
      'importer-checks',
    ]);
    expect(
      ids(system({ roles: ['distributor'], riskClass: 'high-risk', annexIiiPoint: 1 })),
    ).toEqual(['distributor-checks']);
  });

  it('several systems share one obligation, each named with its own condition', () => {
    const found = applicableObligations([
      system({ id: 'a', name: 'A', roles: ['provider'], riskClass: 'high-risk', annexIiiPoint: 2 }),
      system({ id: 'b', name: 'B', roles: ['provider'], riskClass: 'high-risk', annexIiiPoint: 4 }),
    ]).find((x) => x.obligation.id === 'registration');
    expect(found?.systems).toEqual([
      { id: 'a', name: 'A', condition: expect.stringMatching(/national level/) },
      { id: 'b', name: 'B', condition: undefined },
    ]);
  });

  it('says what is missing before a system can be scoped', () => {
    expect(scopingGap(system({}))).toBe('no role and no risk class');
    expect(scopingGap(system({ roles: ['deployer'] }))).toBe('no risk class');
    expect(scopingGap(system({ riskClass: 'minimal' }))).toBe('no role');
    expect(scopingGap(system({ roles: ['deployer'], riskClass: 'minimal' }))).toBeNull();
  });
});

describe('the obligation list against the reference catalog and our crosswalk', () => {
  it('names only articles and annexes that exist in the EU AI Act reference structure', () => {
    const known = referenceIds()['eu-ai-act-2024-1689'];
    const unknown = obligations.flatMap((o) => o.articles).filter((a) => !known?.has(a));
    expect(unknown).toEqual([]);
  });

  it('says "42001 covers part" only where the crosswalk has a row that covers part or is equivalent', () => {
    const direct = new Set(aiActRows.filter((r) => r.relation !== 'supports').map((r) => r.to));
    const unsupported = obligations
      .filter((o) => o.coverage === 'partial')
      .filter((o) => !o.articles.some((a) => direct.has(a)))
      .map((o) => o.id);
    expect(unsupported).toEqual([]);
  });

  it('has unique ids and plain statements of what lies beyond 42001', () => {
    expect(new Set(obligations.map((o) => o.id)).size).toBe(obligations.length);
    for (const o of obligations) {
      expect(o.beyond42001.trim().length, o.id).toBeGreaterThan(15);
      expect(o.summary.trim().length, o.id).toBeGreaterThan(40);
    }
  });
});

describe('the per-system EU AI Act role', () => {
  it('uses the option ids of the organisation-level scoping question "eu-ai-act-role", so the two compare', () => {
    const catalog = catalogSchema.parse(
      JSON.parse(
        fs.readFileSync(
          path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json'),
          'utf8',
        ),
      ),
    );
    const question = catalog.scoping.find((q) => q.id === 'eu-ai-act-role');
    const options =
      question && 'options' in question ? question.options.map((o) => o.id) : ['<no question>'];
    // "none" is an organisation-level answer ("no role at all"); a system has roles or none yet.
    expect(options.filter((id) => id !== 'none')).toEqual([...euAiActRoles]);
  });
});
