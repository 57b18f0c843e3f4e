import type { ReadinessView } from '../../../../shared/contracts/readiness';
import type { GateId } from '../../../../shared/rules/gates';
import { href } from '../../router/hash-route';

export const verdictColours: Record<ReadinessView['verdict'], string> = {
  ready: 'green',
  'nearly-ready': 'yellow',
  incomplete: 'gray',
  'not-ready': 'red',
};

export const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);

type Blocker = ReadinessView['gates'][number]['blockers'][number];

/** Where the consultant fixes what a blocker names: the tab or the requirement concerned. */
export function fixLink(
  assessmentId: string,
  gate: GateId,
  blocker: Blocker,
): { href: string; label: string } {
  const first = blocker.refs[0];
  switch (gate) {
    case 'soa-decided':
    case 'no-control-applies':
      return { href: href('assessments', assessmentId, 'soa'), label: 'Open the SoA' };
    case 'documents':
    case 'audit-and-review':
      return {
        href: href('assessments', assessmentId, 'documents'),
        label: 'Open the documented information',
      };
    case 'open-major':
      return { href: href('assessments', assessmentId, 'findings'), label: 'Open the findings' };
    case 'clause-scope':
      if (blocker.reason.includes('left out')) {
        return { href: href('assessments', assessmentId, 'settings'), label: 'Change the scope' };
      }
      break;
    default:
      break;
  }
  return first
    ? { href: href('assessments', assessmentId, 'interview', first), label: `Go to ${first}` }
    : { href: href('assessments', assessmentId, 'interview'), label: 'Open the interview' };
}
