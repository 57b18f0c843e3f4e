/**
 * Fuzz specs for the risk-area commands, for tests/integration/command-fuzz.test.ts to spread
 * into its `specs` table (`...riskFuzzSpecs`). Number fields are left out of `fields` because the
 * fuzzer's "wrong values" include numbers; they are still part of each valid input.
 */
type Kind = 'text' | 'id' | 'date?' | 'strings';
interface Field {
  kind: Kind;
  required: boolean;
}
interface Spec {
  valid: (engagementId: string) => Record<string, unknown>;
  fields: Record<string, Field>;
}

const FAKE_ID = '01900000-0000-7000-8000-000000000001';
const id = (required = true): Field => ({ kind: 'id', required });
const text = (required = false): Field => ({ kind: 'text', required });
const byId: Spec = { valid: () => ({ id: FAKE_ID }), fields: { id: id() } };
const byEngagement: Spec = {
  valid: (engagementId) => ({ engagementId }),
  fields: { engagementId: id() },
};

const system = {
  name: 'Fuzz system',
  purpose: 'p',
  orgRole: 'provider',
  lifecycleStage: 'design',
  affectedParties: ['Users'],
};
const systemFields = {
  name: text(true),
  purpose: text(),
  affectedParties: { kind: 'strings', required: false } as Field,
};

const risk = { title: 'Fuzz risk', likelihood: 2, impact: 2, owner: 'o', dueDate: '2026-05-01' };
const riskFields = {
  title: text(true),
  description: text(),
  owner: text(),
  dueDate: { kind: 'date?', required: false } as Field,
  aiSystemIds: { kind: 'strings', required: false } as Field,
};

const criteria = {
  likelihoodLevels: 3,
  impactLevels: 3,
  likelihoodLabels: ['a', 'b', 'c'],
  impactLabels: ['a', 'b', 'c'],
  bands: [
    { name: 'low', minScore: 1 },
    { name: 'high', minScore: 4 },
  ],
  acceptanceThreshold: 3,
};

const assessment = { severity: 2, likelihood: 2, reviewer: 'r', reviewedOn: '2026-05-01' };
const assessmentFields = {
  reviewer: text(),
  outcome: text(),
  reviewedOn: { kind: 'date?', required: false } as Field,
};

const sheet = (engagementId: string) => ({ engagementId, fileName: 'r.csv', token: FAKE_ID });
const sheetFields = { engagementId: id(), fileName: text(true), token: id() };

export const riskFuzzSpecs: Record<string, Spec> = {
  'aiSystems.list': byEngagement,
  'aiSystems.create': {
    valid: (engagementId) => ({ engagementId, ...system }),
    fields: { engagementId: id(), ...systemFields },
  },
  'aiSystems.update': {
    valid: () => ({ id: FAKE_ID, ...system }),
    fields: { id: id(), ...systemFields },
  },
  'aiSystems.delete': byId,
  'riskCriteria.get': byEngagement,
  'riskCriteria.save': {
    valid: (engagementId) => ({ engagementId, ...criteria }),
    fields: { engagementId: id(), likelihoodLabels: { kind: 'strings', required: true } },
  },
  'risks.list': byEngagement,
  'risks.get': byId,
  'risks.create': {
    valid: (engagementId) => ({ engagementId, ...risk }),
    fields: { engagementId: id(), ...riskFields },
  },
  'risks.update': { valid: () => ({ id: FAKE_ID, ...risk }), fields: { id: id(), ...riskFields } },
  'risks.delete': byId,
  'risks.accept': {
    valid: () => ({ id: FAKE_ID, acceptedBy: 'Owner', acceptedOn: '2026-05-01' }),
    fields: { id: id(), acceptedBy: text(true) },
  },
  'risks.rerate': byEngagement,
  'risks.byControl': byEngagement,
  'risks.exportXlsx': byEngagement,
  'risks.exportCsv': byEngagement,
  'risks.importPreview': { valid: sheet, fields: sheetFields },
  'risks.importCommit': {
    valid: (engagementId) => ({
      ...sheet(engagementId),
      mapping: { title: 0, likelihood: 1, impact: 2 },
    }),
    fields: sheetFields,
  },
  'impactAssessments.list': byEngagement,
  'impactAssessments.create': {
    valid: () => ({ aiSystemId: FAKE_ID, ...assessment }),
    fields: { aiSystemId: id(), ...assessmentFields },
  },
  'impactAssessments.update': {
    valid: () => ({ id: FAKE_ID, ...assessment }),
    fields: { id: id(), ...assessmentFields },
  },
  'impactAssessments.delete': byId,
};
