import type { ReadinessView } from '../../../shared/contracts/readiness';
import type { FindingGrade, FindingStatus, Result } from '../../../shared/domain/assessment';
import { computeReadiness } from '../../../shared/rules/readiness';
import {
  documentStatus,
  mandatoryDocuments,
  soaStatus,
} from '../../../shared/rules/documented-information';
import { inScope } from '../../../shared/rules/scope';
import type { CoreContext } from '../context';
import { getAssessment } from '../assessments';
import { requirementIndex } from '../catalog';

/** Gathers one assessment's records (three queries) and applies the pure scoring rules. */
export function readinessOf(ctx: CoreContext, assessmentId: string): ReadinessView {
  const assessment = getAssessment(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const sqlite = ctx.store.sqlite;
  const requirements = index.assessable.filter((r) => inScope(r.ref, assessment.excludedAreas));
  const responses: Record<string, Result> = {};
  for (const row of sqlite
    .prepare('SELECT requirement_id AS id, result FROM responses WHERE assessment_id = ?')
    .all(assessmentId) as { id: string; result: Result }[]) {
    const ref = index.byId.get(row.id)?.ref;
    if (ref) responses[ref] = row.result;
  }
  const findings = (
    sqlite
      .prepare('SELECT requirement_id AS id, grade, status FROM findings WHERE assessment_id = ?')
      .all(assessmentId) as { id: string; grade: FindingGrade; status: FindingStatus }[]
  ).map((f) => ({ ref: index.byId.get(f.id)?.ref ?? '', grade: f.grade, status: f.status }));
  const entries = sqlite
    .prepare('SELECT requirement_id AS id, applicable FROM soa_entries WHERE assessment_id = ?')
    .all(assessmentId) as { id: string; applicable: number }[];
  const soaExcluded = entries
    .filter((e) => e.applicable === 0)
    .map((e) => index.byId.get(e.id)?.ref ?? '');

  const readiness = computeReadiness({
    requirements,
    responses,
    findings,
    soaExcluded,
    areaTitles: index.areaTitles,
  });
  const scopedRefs = new Set(requirements.map((r) => r.ref));
  const documents = mandatoryDocuments.map((doc) => {
    const refs = doc.refs.filter((ref) => scopedRefs.has(ref));
    const status =
      doc.key === 'soa'
        ? soaStatus(entries.length, index.controls.length)
        : documentStatus(refs.map((ref) => responses[ref]));
    return { key: doc.key, label: doc.label, refs: doc.refs, status };
  });
  return { ...readiness, documents };
}
