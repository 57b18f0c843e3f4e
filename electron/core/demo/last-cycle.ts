import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type { FindingGrade, Result } from '../../../shared/domain/assessment';
import { isAnnexA } from '../../../shared/rules/scope';
import { createAssessment, setAssessmentStatus } from '../assessments';
import { requirementIndex } from '../catalog';
import type { CoreContext } from '../context';
import { createFinding, demoStatementFor } from '../findings';
import { saveResponse } from '../responses';
import { saveSoaEntry } from '../soa';
import { pick, type Rng } from './rng';
import {
  conformantNotes,
  demoPeople,
  demoSystems,
  fill,
  findingStatements,
  naJustifications,
  nonconformantNotes,
  partialNotes,
  recommendations,
} from './texts';

/** Last year the system was younger: fewer requirements met, more nonconformities. */
function lastYearResult(rng: Rng, annex: boolean): Result {
  const x = rng();
  if (annex && x < 0.06) return 'not-applicable';
  if (x < 0.38) return 'conformant';
  if (x < 0.72) return 'partially-conformant';
  return 'nonconformant';
}

const notePool = (r: Result) =>
  r === 'conformant' ? conformantNotes : r === 'nonconformant' ? nonconformantNotes : partialNotes;

/**
 * Last year's assessment of a demo engagement, every requirement answered and made final, with
 * its findings (nonconformities mostly) and SoA decisions — what this year's assessment is
 * started from. `ctx` runs on last year's clock, so its records are dated a year earlier.
 */
export function seedLastCycle(
  ctx: CoreContext,
  options: { engagementId: string; rng: Rng; findings: number; soaDecisions: number },
): { assessmentId: string; findingIds: string[]; responses: number } {
  const { rng } = options;
  const index = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID);
  const assessment = createAssessment(ctx, {
    engagementId: options.engagementId,
    frameworkId: DEFAULT_FRAMEWORK_ID,
    title: 'ISO/IEC 42001 readiness review 2025',
    excludedAreas: [],
    plannedStart: '2025-10-06',
    plannedEnd: '2025-10-10',
  });
  const answered = index.assessable.map((r) => {
    const result = lastYearResult(rng, isAnnexA(r.ref));
    const person = pick(rng, demoPeople).name;
    saveResponse(ctx, {
      assessmentId: assessment.id,
      requirementId: r.id,
      result,
      maturity: result === 'conformant' ? 3 : result === 'not-applicable' ? null : 1,
      notes:
        result === 'not-applicable'
          ? ''
          : fill(pick(rng, notePool(result)), { person, system: pick(rng, demoSystems) }),
      naJustification: result === 'not-applicable' ? pick(rng, naJustifications) : '',
      interviewees: [person],
      followUp: false,
      sessionId: null,
    });
    return { id: r.id, ref: r.ref, result };
  });
  const gaps = answered.filter((a) => a.result === 'nonconformant');
  const findingIds: string[] = [];
  for (let f = 0; f < options.findings && gaps.length > 0; f += 1) {
    const gap = gaps[f % gaps.length];
    if (!gap) break;
    const grade: FindingGrade = f % 3 === 0 ? 'major' : 'minor';
    // The pooled statement is still drawn (and dropped), so the draws after it stay as they were.
    pick(rng, findingStatements[grade]);
    const system = pick(rng, demoSystems);
    const finding = createFinding(ctx, {
      assessmentId: assessment.id,
      requirementId: gap.id,
      grade,
      statement: demoStatementFor(gap.ref, grade, system),
      evidenceRef: `Interview ${pick(rng, demoPeople).name}`,
      recommendation: pick(rng, recommendations),
      owner: pick(rng, demoPeople).name,
      dueDate: `2026-0${1 + (f % 6)}-28`,
      status: 'open',
    });
    findingIds.push(finding.id);
  }
  // Last year decided the controls it had reached, not all of them: this year's SoA still has
  // decisions to make (carried ones are to confirm, the rest are new).
  const decided = answered.filter((x) => isAnnexA(x.ref)).slice(0, options.soaDecisions);
  for (const a of decided) {
    const excluded = a.result === 'not-applicable';
    saveSoaEntry(ctx, {
      assessmentId: assessment.id,
      requirementId: a.id,
      applicable: !excluded,
      justification: excluded
        ? pick(rng, naJustifications)
        : 'Needed to treat the AI risks of the systems in scope.',
      implementationStatus: excluded
        ? 'not-applicable'
        : a.result === 'conformant'
          ? 'implemented'
          : a.result === 'partially-conformant'
            ? 'partially-implemented'
            : 'planned',
    });
  }
  setAssessmentStatus(ctx, { id: assessment.id, status: 'final' });
  return { assessmentId: assessment.id, findingIds, responses: answered.length };
}
