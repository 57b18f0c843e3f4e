import type { FindingGrade, Result } from '../../../shared/domain/assessment';
import type { CoreContext } from '../context';
import type { DemoKit } from '../demo';
import type { DemoAnswer } from '../responses';
import { demoStatementFor } from './demo-areas';
import { createFinding } from './write';

function gradeFor(kit: DemoKit, result: Result): FindingGrade {
  if (result === 'nonconformant') return kit.rng() < 0.35 ? 'major' : 'minor';
  return kit.rng() < 0.6 ? 'observation' : 'improvement';
}

/**
 * The statement of a finding, written for its requirement's area. The pooled statement is still
 * drawn (and dropped) so the seed's sequence of draws, and every record after it, stays the same.
 */
function statementOf(kit: DemoKit, ref: string, grade: FindingGrade): string {
  kit.pick(kit.texts.findingStatements[grade]);
  return demoStatementFor(ref, grade, kit.pick(kit.texts.demoSystems));
}

/** Findings raised against the gaps (9 in the small demo, 100 per assessment in the large). */
export function seedFindingsDemo(
  ctx: CoreContext,
  kit: DemoKit,
  input: { assessmentId: string; answered: DemoAnswer[] },
): string[] {
  const { texts } = kit;
  const gaps = input.answered.filter(
    (a) => a.result === 'nonconformant' || a.result === 'partially-conformant',
  );
  const target = kit.large ? 100 : 9;
  const ids: string[] = [];
  for (let f = 0; f < target && gaps.length > 0; f += 1) {
    const gap = gaps[f % gaps.length];
    if (!gap) break;
    const grade = gradeFor(kit, gap.result);
    const finding = createFinding(ctx, {
      assessmentId: input.assessmentId,
      requirementId: gap.id,
      grade,
      statement: statementOf(kit, gap.ref, grade),
      evidenceRef: `Interview ${kit.pick(texts.demoPeople).name}; document sample ${1 + Math.floor(kit.rng() * 12)}`,
      recommendation: kit.pick(texts.recommendations),
      owner: kit.pick(texts.demoPeople).name,
      dueDate: `2027-0${1 + Math.floor(kit.rng() * 3)}-${String(10 + Math.floor(kit.rng() * 18)).padStart(2, '0')}`,
      status: kit.rng() < 0.15 ? 'closed' : kit.rng() < 0.3 ? 'in-progress' : 'open',
    });
    ids.push(finding.id);
  }
  return ids;
}
