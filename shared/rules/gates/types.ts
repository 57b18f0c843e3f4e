import type { AuditStage, Overlap } from '../../catalog/guidance';
import type { FindingGrade, FindingStatus, Result } from '../../domain/assessment';
import type { DocumentRecordFacts } from '../documented-information';
import type { CycleRecord } from './audit-and-review';

/** What readiness is judged on: one assessment's records, gathered by the readiness room. */
export interface ReadinessInput {
  /** Every assessable requirement of the framework (clauses and controls), in catalog order. */
  requirements: readonly { ref: string }[];
  /** Areas the assessment leaves out of scope: clause numbers ("9") or Annex A areas ("A.10"). */
  excludedAreas: readonly string[];
  responses: Readonly<Record<string, Result | undefined>>;
  findings: readonly { ref: string; grade: FindingGrade; status: FindingStatus }[];
  /** The SoA decisions recorded so far; a control without one is undecided. */
  soa: readonly { ref: string; applicable: boolean; justification: string }[];
  /** The documented-information records of the assessment (at most one per item key). */
  documents: readonly DocumentRecordFacts[];
  /** Internal audits and management reviews on record, whatever their source. */
  cycle: readonly CycleRecord[];
  /** The catalog's clause/Annex A overlaps: which requirement a shared artefact counts against. */
  overlaps: readonly Overlap[];
  /** Today, YYYY-MM-DD: review dates before it are overdue. */
  asOf: string;
  areaTitles?: Readonly<Record<string, string>>;
}

export const gateIds = [
  'open-major',
  'clauses-nonconformant',
  'controls-nonconformant',
  'clauses-partial',
  'clause-scope',
  'no-control-applies',
  'soa-decided',
  'documents',
  'audit-and-review',
] as const;
export type GateId = (typeof gateIds)[number];

/** One thing that keeps an assessment from "ready", at the audit stages it would fail. */
export interface Blocker {
  reason: string;
  /** The requirements it is about (to link to), in the standard's order. */
  refs: string[];
  stages: readonly AuditStage[];
}

export interface Gate {
  id: GateId;
  /** What must hold, as a heading. */
  label: string;
  /** Why a certification body insists on it, in one or two sentences. */
  rule: string;
  check(input: ReadinessInput): Blocker[];
}

export interface GateOutcome {
  id: GateId;
  label: string;
  rule: string;
  passed: boolean;
  blockers: Blocker[];
}

export const BOTH_STAGES: readonly AuditStage[] = [1, 2];
export const STAGE_2: readonly AuditStage[] = [2];
