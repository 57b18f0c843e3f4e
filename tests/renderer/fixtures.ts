import type { Assessment } from '../../shared/contracts/assessments';
import type { Engagement } from '../../shared/contracts/engagements';
import type { AiSystem } from '../../shared/contracts/ai-systems';
import type { EvidenceDetail, EvidenceItem } from '../../shared/contracts/evidence';
import type { Risk, RiskCriteria } from '../../shared/contracts/risks';
import { defaultCriteria } from '../../shared/rules/risk-levels';

/** An assessment as the main side would answer it; only what a test names differs. */
export function anAssessment(id: string, change: Partial<Assessment> = {}): Assessment {
  return {
    id,
    engagementId: 'eng-1',
    clientName: 'Client',
    frameworkId: 'iso-iec-42001-2023',
    title: `Assessment ${id}`,
    status: 'in-progress',
    excludedAreas: [],
    plannedStart: null,
    plannedEnd: null,
    lastRequirementId: null,
    scoping: {},
    progress: { assessed: 0, total: 10, flagged: 0 },
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'tester',
    ...change,
  };
}

export function anEngagement(id: string, change: Partial<Engagement> = {}): Engagement {
  return {
    id,
    clientName: `Client ${id}`,
    aimsScope: 'Scope',
    aiRoles: [],
    sites: [],
    leadAssessor: 'Lead',
    startDate: null,
    endDate: null,
    notes: '',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'tester',
    assessmentCount: 0,
    ...change,
  };
}

export function anEvidenceItem(id: string, change: Partial<EvidenceItem> = {}): EvidenceItem {
  return {
    id,
    engagementId: 'eng-1',
    sha256: 'a'.repeat(64),
    title: `Evidence ${id}`,
    description: '',
    originalName: `${id}.pdf`,
    mediaType: 'application/pdf',
    size: 100,
    providedBy: '',
    collectedOn: null,
    owner: '',
    validUntil: null,
    reviewDue: null,
    classification: 'internal',
    status: 'received',
    effectiveStatus: 'received',
    previewKind: 'pdf',
    linkCount: 0,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    updatedBy: 'tester',
    ...change,
  };
}

export const anEvidenceDetail = (id: string, change: Partial<EvidenceDetail> = {}) => ({
  ...anEvidenceItem(id),
  links: [],
  ...change,
});

const stamps = {
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  updatedBy: 'tester',
};

export function aRisk(id: string, change: Partial<Risk> = {}): Risk {
  return {
    id,
    engagementId: 'eng-1',
    ref: `R-${id}`,
    title: `Risk ${id}`,
    description: '',
    aiSystemIds: [],
    aiSystemNames: [],
    riskSource: null,
    objectives: [],
    likelihood: 3,
    impact: 3,
    inherentScore: 9,
    inherentBand: 'Medium',
    treatmentOption: null,
    treatmentPlan: '',
    controlIds: [],
    controlRefs: [],
    residualLikelihood: null,
    residualImpact: null,
    residualScore: null,
    residualBand: null,
    criteriaVersion: 1,
    owner: '',
    dueDate: null,
    status: 'open',
    acceptedBy: null,
    acceptedAt: null,
    ...stamps,
    ...change,
  };
}

export function riskCriteria(
  engagementId: string,
  change: Partial<RiskCriteria> = {},
): RiskCriteria {
  return {
    engagementId,
    ...defaultCriteria,
    version: 1,
    saved: true,
    staleRiskCount: 0,
    updatedAt: null,
    updatedBy: null,
    ...change,
  };
}

export function anAiSystem(id: string, change: Partial<AiSystem> = {}): AiSystem {
  return {
    id,
    engagementId: 'eng-1',
    name: `System ${id}`,
    purpose: '',
    intendedUse: '',
    orgRole: 'provider',
    lifecycleStage: 'operation',
    modelType: '',
    dataCategories: [],
    deploymentContext: '',
    affectedParties: [],
    owner: '',
    thirdParties: [],
    euAiActRoles: [],
    euAiActRiskClass: null,
    euAiActAnnexIiiPoint: null,
    riskCount: 0,
    impactAssessmentCount: 0,
    ...stamps,
    ...change,
  };
}
