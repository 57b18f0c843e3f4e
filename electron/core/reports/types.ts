import type { RecordDocument } from './record/types';
/**
 * The plain, serialisable shape of everything a report shows. It crosses to the render worker by
 * structured clone, so it holds only strings, numbers, booleans, arrays and plain objects.
 */
import type { ReadinessView } from '../../../shared/contracts/readiness';
import type { DocumentRow } from '../../../shared/contracts/documents';
import type { EuAiActView } from '../../../shared/contracts/eu-ai-act';
import type { NistCoverage } from '../../../shared/contracts/crosswalks';
import type { Branding } from '../../../shared/contracts/branding';
import type { ReportTemplate } from '../../../shared/contracts/reports';

export type ReportKind = 'full' | 'soa' | 'risks';
export type ReportFormat = 'pdf' | 'docx';

export interface ReportOptions {
  kind: ReportKind;
  /** A saved template: its sections, in its order (full report only). */
  template?: ReportTemplate | null;
  /** Leave out interview notes, session notes and confidential evidence. */
  omitConfidential?: boolean;
}

export interface ReportSigner {
  name: string;
  role: string;
  organisation: string;
  fingerprint: string;
}

export interface ReportResult {
  ref: string;
  title: string;
  annex: boolean;
  area: string;
  areaTitle: string;
  result: string;
  maturity: number | null;
  notes: string;
  naJustification: string;
  interviewees: string[];
  followUp: boolean;
  /** The evidence linked to the requirement, as "title (date)". */
  evidence: string[];
  /** The findings raised against it, as "F-012 (Minor nonconformity)". */
  findings: string[];
}

export interface ReportRisk {
  ref: string;
  title: string;
  systems: string[];
  source: string | null;
  inherent: string;
  residual: string;
  treatment: string;
  controls: string[];
  owner: string;
  status: string;
}

export interface HeatMap {
  /** counts[likelihood - 1][impact - 1] */
  counts: number[][];
  /** bands[likelihood - 1][impact - 1]: the band a cell's score falls in. */
  bands: string[][];
}

export interface ReportData {
  kind: ReportKind;
  omitConfidential: boolean;
  generatedAt: string;
  appVersion: string;
  engagement: {
    clientName: string;
    aimsScope: string;
    aiRoles: string[];
    sites: string[];
    leadAssessor: string;
    startDate: string | null;
    endDate: string | null;
  };
  assessment: {
    id: string;
    title: string;
    status: string;
    frameworkName: string;
    plannedStart: string | null;
    plannedEnd: string | null;
    excludedAreas: string[];
    assessed: number;
    total: number;
  };
  sessions: {
    heldAt: string;
    interviewees: { name: string; role: string }[];
    attendees: string[];
    topics: { ref: string; title: string }[];
    answerCount: number;
    notes: string;
  }[];
  results: ReportResult[];
  readiness: ReadinessView | null;
  /** The documented-information register (full report only). */
  documents: DocumentRow[];
  verdictLabel: string;
  findings: {
    ref: string;
    requirementRef: string;
    requirementTitle: string;
    grade: string;
    gradeKey: string;
    statement: string;
    evidenceRef: string;
    recommendation: string;
    owner: string;
    dueDate: string | null;
    status: string;
  }[];
  soa: {
    ref: string;
    title: string;
    area: string;
    areaTitle: string;
    decided: boolean;
    applicable: boolean;
    justification: string;
    implementation: string;
    risks: string[];
  }[];
  aiSystems: {
    name: string;
    purpose: string;
    orgRole: string;
    lifecycleStage: string;
    modelType: string;
    dataCategories: string[];
    owner: string;
    riskCount: number;
  }[];
  risks: RiskSummary | null;
  impactAssessments: {
    aiSystem: string;
    affected: string[];
    areas: string[];
    severity: number;
    likelihood: number;
    measuresInPlace: string;
    measuresPlanned: string;
    reviewer: string;
    reviewedOn: string | null;
    outcome: string;
    risks: string[];
  }[];
  evidence: { title: string; sha256: string; date: string; classification: string }[];
  evidenceOmitted: number;
  /** The consultancy's name, logo (PNG), accent, cover text and disclaimer; empty when unset. */
  branding: Branding;
  /** The saved template the sections follow; null for the kind's standard sections. */
  template: ReportTemplate | null;
  /** Full report only: the EU AI Act obligations and NIST AI RMF coverage (null otherwise). */
  euAiAct: EuAiActView | null;
  nistCoverage: NistCoverage | null;
  /** What changed since the previous assessment of the engagement; null when there is none. */
  comparison: ReportComparison | null;
  /** The corrective actions of this assessment's findings and of those it carried (full report). */
  actions: ReportActions | null;
}

export interface ReportActions {
  rows: {
    ref: string;
    raisedIn: string;
    requirementRef: string;
    grade: string;
    rootCause: string;
    action: string;
    owner: string;
    dueDate: string | null;
    daysOverdue: number;
    status: string;
    statusKey: string;
    /** How it ended, or where it stands, in a sentence. */
    closure: string;
  }[];
  /** Open nonconformities with no action yet, as "F-003 (Gap assessment 2026, 7.2)". */
  withoutAction: string[];
}

export interface ReportComparedFinding {
  ref: string;
  raisedIn: string;
  requirementRef: string;
  grade: string;
  statement: string;
}

export interface ReportComparison {
  previousTitle: string;
  previousAsOf: string;
  score: { before: number | null; after: number | null };
  verdict: { before: string; after: string };
  counts: {
    improved: number;
    worsened: number;
    unchanged: number;
    new: number;
    notCompared: number;
  };
  /** Improved, worsened and new requirements only. */
  changed: {
    ref: string;
    title: string;
    before: string;
    after: string;
    change: string;
    changeKey: string;
  }[];
  opened: ReportComparedFinding[];
  closed: ReportComparedFinding[];
  stillOpen: number;
  soa: { ref: string; title: string; change: string }[];
  risks: { before: number; after: number; summary: string };
  trend: {
    title: string;
    at: string;
    final: boolean;
    score: number | null;
    verdict: string;
    openFindings: number;
  }[];
}

/** What the worker receives: the data plus how to present it. */
/**
 * What the worker starts with, before the data is gathered: enough to load its renderer and
 * fonts while the main thread reads the database. The RenderRequest follows as a message.
 */
export interface WorkerBoot {
  format: ReportFormat;
  fontsDir: string;
}

export interface RenderRequest {
  format: ReportFormat;
  data: ReportData;
  draft: boolean;
  signer: ReportSigner | null;
  fontsDir: string;
  taskId: string;
}

/** A signed record (audit report, minutes) for the worker to draw. */
export interface RecordRequest {
  job: 'record';
  format: ReportFormat;
  record: RecordDocument;
  draft: boolean;
  signer: ReportSigner | null;
  fontsDir: string;
  taskId: string;
}

export type WorkerRequest = RenderRequest | RecordRequest;

export type WorkerMessage =
  | { type: 'progress'; label: string; done: number; total: number }
  /** pages: the PDF's page count; null for a Word file, which Word lays out itself. */
  | { type: 'done'; file: Uint8Array; pages: number | null; rssPeak: number }
  | { type: 'error'; message: string };

export interface RiskSummary {
  total: number;
  criteria: {
    likelihoodLabels: string[];
    impactLabels: string[];
    bands: { name: string; minScore: number }[];
    acceptanceThreshold: number;
    version: number;
  };
  staleCount: number;
  byBand: { band: string; inherent: number; residual: number }[];
  byStatus: { status: string; count: number }[];
  inherent: HeatMap;
  residual: HeatMap;
  /** Highest-rated risks (full report) or every risk (risk register report). */
  listed: ReportRisk[];
  listedAll: boolean;
}
