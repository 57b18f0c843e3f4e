import { eq } from 'drizzle-orm';
import type { ReadinessView } from '../../../shared/contracts/readiness';
import type { Result } from '../../../shared/domain/assessment';
import { computeReadiness } from '../../../shared/rules/readiness';
import {
  documentStatus,
  mandatoryDocuments,
  soaStatus,
} from '../../../shared/rules/documented-information';
import { inScope } from '../../../shared/rules/scope';
import { assessmentRecord } from '../assessments';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { schema } from '../db';

/** Gathers one assessment's records (four queries) and applies the pure scoring rules. */
export function readinessOf(ctx: CoreContext, assessmentId: string): ReadinessView {
  const assessment = assessmentRecord(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const { db } = ctx.store;
  const requirements = index.assessable.filter((r) => inScope(r.ref, assessment.excludedAreas));
  const refOf = (id: string) => index.byId.get(id)?.ref;
  const responses: Record<string, Result> = {};
  for (const row of db
    .select({ id: schema.responses.requirementId, result: schema.responses.result })
    .from(schema.responses)
    .where(eq(schema.responses.assessmentId, assessmentId))
    .all()) {
    const ref = refOf(row.id);
    if (ref) responses[ref] = row.result;
  }
  const findings = db
    .select({
      id: schema.findings.requirementId,
      grade: schema.findings.grade,
      status: schema.findings.status,
    })
    .from(schema.findings)
    .where(eq(schema.findings.assessmentId, assessmentId))
    .all()
    .map((f) => ({ ref: refOf(f.id) ?? '', grade: f.grade, status: f.status }));
  const entries = db
    .select({ id: schema.soaEntries.requirementId, applicable: schema.soaEntries.applicable })
    .from(schema.soaEntries)
    .where(eq(schema.soaEntries.assessmentId, assessmentId))
    .all();
  const soaExcluded = entries.filter((e) => !e.applicable).map((e) => refOf(e.id) ?? '');

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
