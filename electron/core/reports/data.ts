import { eq, sql } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { schema } from '../db';
import {
  assessmentStatusLabels,
  findingGradeLabels,
  findingStatusLabels,
  implementationStatusLabels,
  resultLabels,
  type Result,
} from '../../../shared/domain/assessment';
import { verdictLabels } from '../../../shared/rules/readiness';
import { inScope, isAnnexA } from '../../../shared/rules/scope';
import { getAssessment } from '../assessments';
import { getEngagement } from '../engagements';
import { listFindings } from '../findings';
import { readinessOf, withReadinessRemembered } from '../readiness';
import { listDocuments } from '../documented-information';
import { requirementIndex } from '../catalog';
import { listResponses } from '../responses';
import { listSessions } from '../sessions';
import { listSoa } from '../soa';
import { actionsSection } from './actions-data';
import { evidenceByRequirement, findingsByRequirement } from './requirement-evidence';
import { comparisonSection } from './comparison-data';
import { getBranding } from '../branding';
import { aiSystemsOf, impactAssessmentsOf, riskSummary } from './risk-data';
import { euAiActView } from '../eu-ai-act';
import { nistCoverage } from '../crosswalks';
import type { ReportData, ReportOptions } from './types';

const { evidenceItems, frameworks } = schema;

/**
 * The engagement's evidence index, read from evidence_items directly (title, hash, date) so the
 * report does not depend on the vault's services. Confidential items are counted, not listed,
 * when the report leaves confidential material out.
 */
function evidenceIndex(ctx: CoreContext, engagementId: string, omitConfidential: boolean) {
  const rows = ctx.store.db
    .select({
      title: evidenceItems.title,
      sha256: evidenceItems.sha256,
      collectedOn: evidenceItems.collectedOn,
      createdAt: evidenceItems.createdAt,
      classification: evidenceItems.classification,
    })
    .from(evidenceItems)
    .where(eq(evidenceItems.engagementId, engagementId))
    .orderBy(sql`${evidenceItems.title} COLLATE NOCASE`, evidenceItems.createdAt)
    .all();
  const kept = omitConfidential ? rows.filter((r) => r.classification !== 'confidential') : rows;
  return {
    evidence: kept.map((r) => ({
      title: r.title,
      sha256: r.sha256,
      date: r.collectedOn ?? r.createdAt.slice(0, 10),
      classification: r.classification,
    })),
    evidenceOmitted: rows.length - kept.length,
  };
}

function frameworkName(ctx: CoreContext, frameworkId: string): string {
  const row = ctx.store.db
    .select({ name: frameworks.name })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .get();
  return row?.name ?? frameworkId;
}

function resultsOf(
  ctx: CoreContext,
  assessmentId: string,
  omit: boolean,
  findings: ReportData['findings'],
): ReportData['results'] {
  const assessment = getAssessment(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const responses = new Map(listResponses(ctx, assessmentId).map((r) => [r.requirementId, r]));
  const evidence = evidenceByRequirement(ctx, assessment.engagementId, omit);
  const raised = findingsByRequirement(findings);
  return index.assessable
    .filter((r) => inScope(r.ref, assessment.excludedAreas))
    .map((r) => {
      const response = responses.get(r.id);
      const result: Result = response?.result ?? 'not-assessed';
      return {
        ref: r.ref,
        title: r.title,
        annex: isAnnexA(r.ref),
        area: r.area,
        areaTitle: index.areaTitles[r.area] ?? r.area,
        result: resultLabels[result],
        maturity: response?.maturity ?? null,
        notes: omit ? '' : (response?.notes ?? ''),
        naJustification: response?.naJustification ?? '',
        interviewees: response?.interviewees ?? [],
        followUp: response?.followUp ?? false,
        evidence: evidence.get(r.id) ?? [],
        findings: raised.get(r.ref) ?? [],
      };
    });
}

/**
 * Everything a report shows, as one plain object; `kind` decides which parts are gathered. Its
 * sections and the comparison with last year read the same readiness; it is computed once.
 */
export function reportData(
  ctx: CoreContext,
  assessmentId: string,
  options: ReportOptions,
): ReportData {
  return withReadinessRemembered(() => gatherReportData(ctx, assessmentId, options));
}

function gatherReportData(
  ctx: CoreContext,
  assessmentId: string,
  options: ReportOptions,
): ReportData {
  const omit = options.omitConfidential === true;
  const full = options.kind === 'full';
  const assessment = getAssessment(ctx, assessmentId);
  const engagement = getEngagement(ctx, assessment.engagementId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const readiness = full ? readinessOf(ctx, assessmentId) : null;
  const sessions = full
    ? listSessions(ctx, assessmentId)
        .reverse()
        .map((s) => ({
          heldAt: s.heldAt,
          interviewees: s.interviewees,
          attendees: s.attendees,
          topics: s.requirementIds.map((id) => {
            const r = index.byId.get(id);
            return { ref: r?.ref ?? id, title: r?.title ?? '' };
          }),
          answerCount: s.answerCount,
          notes: omit ? '' : s.notes,
        }))
    : [];
  const soa =
    options.kind === 'risks'
      ? []
      : listSoa(ctx, assessmentId).map((row) => {
          const decision = row.entry ?? row.suggestion;
          return {
            ref: row.ref,
            title: row.title,
            area: row.area,
            areaTitle: row.areaTitle,
            decided: row.entry !== null,
            applicable: decision.applicable,
            justification: decision.justification,
            implementation: implementationStatusLabels[decision.implementationStatus],
            risks: row.risks.map((r) => r.ref),
          };
        });
  const findings = full
    ? listFindings(ctx, assessmentId).map((f) => ({
        ref: f.ref,
        requirementRef: f.requirementRef,
        requirementTitle: f.requirementTitle,
        grade: findingGradeLabels[f.grade],
        gradeKey: f.grade,
        statement: f.statement,
        evidenceRef: f.evidenceRef,
        recommendation: f.recommendation,
        owner: f.owner,
        dueDate: f.dueDate,
        status: findingStatusLabels[f.status],
      }))
    : [];
  const withRisks = options.kind !== 'soa';
  return {
    kind: options.kind,
    omitConfidential: omit,
    generatedAt: ctx.now(),
    appVersion: ctx.version,
    engagement: {
      clientName: engagement.clientName,
      aimsScope: engagement.aimsScope,
      aiRoles: engagement.aiRoles,
      sites: engagement.sites,
      leadAssessor: engagement.leadAssessor,
      startDate: engagement.startDate,
      endDate: engagement.endDate,
    },
    assessment: {
      id: assessment.id,
      title: assessment.title,
      status: assessmentStatusLabels[assessment.status],
      frameworkName: frameworkName(ctx, assessment.frameworkId),
      plannedStart: assessment.plannedStart,
      plannedEnd: assessment.plannedEnd,
      excludedAreas: assessment.excludedAreas,
      assessed: assessment.progress.assessed,
      total: assessment.progress.total,
    },
    sessions,
    results: full ? resultsOf(ctx, assessmentId, omit, findings) : [],
    readiness,
    documents: full ? listDocuments(ctx, assessmentId) : [],
    verdictLabel: readiness ? verdictLabels[readiness.verdict] : '',
    findings,
    soa,
    aiSystems: withRisks ? aiSystemsOf(ctx, engagement.id) : [],
    risks: withRisks ? riskSummary(ctx, engagement.id, options.kind === 'risks') : null,
    impactAssessments: full ? impactAssessmentsOf(ctx, engagement.id) : [],
    ...(full ? evidenceIndex(ctx, engagement.id, omit) : { evidence: [], evidenceOmitted: 0 }),
    euAiAct: full ? euAiActView(ctx, assessmentId) : null,
    nistCoverage: full ? nistCoverage(ctx, assessmentId) : null,
    comparison: full ? comparisonSection(ctx, assessmentId) : null,
    actions: full ? actionsSection(ctx, assessmentId) : null,
    branding: getBranding(ctx),
    template: options.template ?? null,
  };
}
