import type {
  ChangeKind,
  RiskChangeKind,
  SoaChangeKind,
} from '../../../../shared/rules/comparison';

export const changeColours: Record<ChangeKind, string> = {
  improved: 'green',
  worsened: 'red',
  unchanged: 'gray',
  new: 'blue',
  'not-compared': 'gray',
};

export const soaChangeColours: Record<SoaChangeKind, string> = {
  decided: 'blue',
  undecided: 'orange',
  included: 'green',
  excluded: 'orange',
  implementation: 'indigo',
  justification: 'gray',
};

export const riskChangeColours: Record<RiskChangeKind, string> = {
  raised: 'red',
  lowered: 'green',
  added: 'blue',
  removed: 'gray',
};

export const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);

/** "+12 points", "−3 points", "no change": the difference of two scores. */
export function delta(before: number | null, after: number | null): string {
  if (before === null || after === null) return '';
  const d = Math.round(after * 100) - Math.round(before * 100);
  if (d === 0) return 'no change';
  return `${d > 0 ? '+' : '−'}${Math.abs(d)} points`;
}
