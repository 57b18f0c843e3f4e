import { findingGradeLabels, resultLabels } from '../../../shared/domain/assessment';
import { changeLabels, riskChangeLabels, soaChangeLabels } from '../../../shared/rules/comparison';
import { verdictLabels } from '../../../shared/rules/readiness';
import { getAssessment } from '../assessments';
import { compareAssessments, readinessTrend } from '../comparison';
import type { CoreContext } from '../context';
import { previousAssessment } from '../cycle';
import type { ReportComparison } from './types';

/**
 * The report's "since the previous assessment" section: present only when this assessment has
 * one before it (the one it was started from, else the newest earlier one of the engagement).
 * Only what changed is listed; the unchanged and not-yet-compared are counted.
 */
export function comparisonSection(ctx: CoreContext, assessmentId: string): ReportComparison | null {
  const assessment = getAssessment(ctx, assessmentId);
  const previous = previousAssessment(ctx, assessment);
  if (!previous) return null;
  const c = compareAssessments(ctx, previous.id, assessment.id);
  const result = (r: (typeof c.requirements)[number]['before']) =>
    r === null ? 'Out of scope' : resultLabels[r];
  const finding = (f: (typeof c.findings.opened)[number]) => ({
    ref: f.ref,
    raisedIn: f.assessmentTitle,
    requirementRef: f.requirementRef,
    grade: findingGradeLabels[f.grade],
    statement: f.statement,
  });
  return {
    previousTitle: c.before.title,
    previousAsOf: c.before.asOf.slice(0, 10),
    score: { before: c.before.score, after: c.after.score },
    verdict: { before: verdictLabels[c.before.verdict], after: verdictLabels[c.after.verdict] },
    counts: {
      improved: c.counts.improved,
      worsened: c.counts.worsened,
      unchanged: c.counts.unchanged,
      new: c.counts.new,
      notCompared: c.counts['not-compared'],
    },
    changed: c.requirements
      .filter((r) => r.change === 'improved' || r.change === 'worsened' || r.change === 'new')
      .map((r) => ({
        ref: r.ref,
        title: r.title,
        before: result(r.before),
        after: result(r.after),
        change: changeLabels[r.change],
        changeKey: r.change,
      })),
    opened: c.findings.opened.map(finding),
    closed: c.findings.closed.map(finding),
    stillOpen: c.findings.stillOpen.length,
    soa: c.soa.map((x) => ({ ref: x.ref, title: x.title, change: soaChangeLabels[x.change] })),
    risks: {
      before: c.risks.before,
      after: c.risks.after,
      summary: (['raised', 'lowered', 'added', 'removed'] as const)
        .map((k) => `${c.risks.counts[k]} ${riskChangeLabels[k].toLowerCase()}`)
        .join(' · '),
    },
    trend: readinessTrend(ctx, assessment.engagementId).map((p) => ({
      title: p.title,
      at: p.at.slice(0, 10),
      final: p.status === 'final',
      score: p.score,
      verdict: verdictLabels[p.verdict],
      openFindings: p.openFindings,
    })),
  };
}
