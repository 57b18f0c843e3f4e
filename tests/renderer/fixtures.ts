import type { Assessment } from '../../shared/contracts/assessments';
import type { Engagement } from '../../shared/contracts/engagements';
import type { EvidenceDetail, EvidenceItem } from '../../shared/contracts/evidence';

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
