/**
 * The internal audit programme (ISO/IEC 42001 9.2): over its period every clause requirement and
 * every applicable Annex A control is audited at least once, by auditors who do not audit their
 * own work. Pure rules: which requirement an audit covers when, what is not yet covered, and
 * which auditor is not independent of what they audit.
 */
export const auditStatuses = ['planned', 'in-progress', 'completed', 'cancelled'] as const;
export type AuditStatus = (typeof auditStatuses)[number];

export const auditStatusLabels: Record<AuditStatus, string> = {
  planned: 'Planned',
  'in-progress': 'In progress',
  completed: 'Completed',
  cancelled: 'Cancelled',
};

export interface Auditor {
  name: string;
  /** Areas this person is responsible for, as refs or ref prefixes: "8", "6.1", "A.6". */
  owns: string[];
}

/** True when `ref` is the area `area` or lies inside it ("A.6.2.4" is inside "A.6" and "A.6.2"). */
export function withinArea(ref: string, area: string): boolean {
  const a = area.trim();
  return a !== '' && (ref === a || ref.startsWith(`${a}.`));
}

export interface IndependenceIssue {
  auditor: string;
  /** The audited refs that fall in an area the auditor owns. */
  refs: string[];
}

/** Auditors who would audit an area they own, with the refs concerned. */
export function independenceIssues(
  auditors: readonly Auditor[],
  auditedRefs: readonly string[],
): IndependenceIssue[] {
  return auditors.flatMap((auditor) => {
    const refs = auditedRefs.filter((ref) => auditor.owns.some((area) => withinArea(ref, area)));
    return refs.length > 0 ? [{ auditor: auditor.name, refs }] : [];
  });
}

export const coverageStates = ['audited', 'planned', 'not-covered'] as const;
export type CoverageState = (typeof coverageStates)[number];

export interface CoverageRequirement {
  ref: string;
  title: string;
  annex: boolean;
  /** Annex A controls the SoA excludes need no audit; clauses always do. */
  applicable: boolean;
}

export interface ProgrammeAudit {
  id: string;
  title: string;
  status: AuditStatus;
  /** The day it was held (completed), or is planned for. */
  on: string | null;
  refs: readonly string[];
}

export interface CoverageRow extends CoverageRequirement {
  state: CoverageState;
  /** Completed audits that covered it, oldest first. */
  audited: { id: string; title: string; on: string | null }[];
  /** Planned or running audits that will cover it. */
  planned: { id: string; title: string; on: string | null }[];
}

/**
 * The coverage map: for every requirement the programme must cover, the audits that covered it
 * and the ones planned to. A cancelled audit covers nothing; an excluded control is listed as
 * not applicable rather than as a gap.
 */
export function coverageMap(
  requirements: readonly CoverageRequirement[],
  audits: readonly ProgrammeAudit[],
): CoverageRow[] {
  const byDate = [...audits].sort((x, y) => (x.on ?? '9999').localeCompare(y.on ?? '9999'));
  return requirements.map((r) => {
    const touching = byDate.filter((a) => a.refs.includes(r.ref));
    const brief = (a: ProgrammeAudit) => ({ id: a.id, title: a.title, on: a.on });
    const audited = touching.filter((a) => a.status === 'completed').map(brief);
    const planned = touching
      .filter((a) => a.status === 'planned' || a.status === 'in-progress')
      .map(brief);
    const state: CoverageState =
      audited.length > 0 ? 'audited' : planned.length > 0 ? 'planned' : 'not-covered';
    return { ...r, state, audited, planned };
  });
}

/** Counts of what the programme must cover: audited, planned, and gaps (applicable only). */
export function coverageSummary(rows: readonly CoverageRow[]): Record<CoverageState, number> {
  const counts: Record<CoverageState, number> = { audited: 0, planned: 0, 'not-covered': 0 };
  for (const row of rows) if (row.applicable) counts[row.state] += 1;
  return counts;
}
