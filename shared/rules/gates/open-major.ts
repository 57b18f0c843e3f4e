import { isOpenFinding } from '../readiness-score';
import { listRefs, plural } from './facts';
import { STAGE_2, type Gate } from './types';

/**
 * No open major nonconformity, against a clause or a control. A certification body recommends
 * certification only once each major is corrected and the correction verified, so one open major
 * (open or in progress) fails the on-site audit whatever the score.
 */
export const openMajorGate: Gate = {
  id: 'open-major',
  label: 'No open major nonconformity',
  rule: 'Every major nonconformity, against a clause or an Annex A control, is corrected and closed before the certification audit.',
  check(input) {
    const open = input.findings.filter((f) => f.grade === 'major' && isOpenFinding(f.status));
    if (open.length === 0) return [];
    const refs = open.map((f) => f.ref);
    return [
      {
        reason: `${open.length} open major ${plural(open.length, 'nonconformity', 'nonconformities')} against ${listRefs(refs)}.`,
        refs: [...new Set(refs)],
        stages: STAGE_2,
      },
    ];
  },
};
