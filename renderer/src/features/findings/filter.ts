import type { Finding } from '../../../../shared/contracts/findings';
import type { FindingGrade, FindingStatus } from '../../../../shared/domain/assessment';

export interface FindingFilter {
  grade: FindingGrade | null;
  status: FindingStatus | null;
  text: string;
}

export type SortKey = 'ref' | 'dueDate';
export interface Sort {
  key: SortKey;
  descending: boolean;
}

/** Today as YYYY-MM-DD in the consultant's own time zone (due dates are calendar dates). */
export function today(now = new Date()): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

/** Overdue: still open or in progress, with a due date before today. */
export function isOverdue(f: Pick<Finding, 'dueDate' | 'status'>, on = today()): boolean {
  return f.status !== 'closed' && f.dueDate !== null && f.dueDate < on;
}

const refNumber = (ref: string) => Number(ref.replace(/^F-/, '')) || 0;

export function filterAndSort(findings: Finding[], filter: FindingFilter, sort: Sort): Finding[] {
  const words = filter.text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  const kept = findings.filter((f) => {
    if (filter.grade && f.grade !== filter.grade) return false;
    if (filter.status && f.status !== filter.status) return false;
    if (words.length === 0) return true;
    const haystack = [
      f.ref,
      f.requirementRef,
      f.requirementTitle,
      f.statement,
      f.owner,
      f.evidenceRef,
      f.recommendation,
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
  const direction = sort.descending ? -1 : 1;
  return kept.sort((a, b) => {
    if (sort.key === 'dueDate') {
      // Findings without a due date go last either way: they are not scheduled.
      if (a.dueDate !== b.dueDate) {
        if (a.dueDate === null) return 1;
        if (b.dueDate === null) return -1;
        return direction * (a.dueDate < b.dueDate ? -1 : 1);
      }
      return refNumber(a.ref) - refNumber(b.ref);
    }
    return direction * (refNumber(a.ref) - refNumber(b.ref));
  });
}
