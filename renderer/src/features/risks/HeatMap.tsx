import { memo, useMemo } from 'react';
import { Paper, Text, UnstyledButton } from '@mantine/core';
import type { Risk, RiskCriteria } from '../../../../shared/contracts/risks';
import { bandFor } from '../../../../shared/rules/risk-levels';
import type { HeatCell } from '../../stores/risk-register';
import { bandColor } from './levels';

interface Props {
  kind: HeatCell['kind'];
  criteria: RiskCriteria;
  /** Risks per cell (see countCells). */
  counts: CellCounts;
  selected: HeatCell | null;
  onSelect(cell: HeatCell | null): void;
}

/** Criteria have 3 to 5 levels; a cell's place in CellCounts is likelihood × SIDE + impact. */
const SIDE = 6;
/** Risks per heat-map cell, by place (numbers, not "l:i" keys: counted 20,000 times a keystroke). */
export type CellCounts = Int32Array;

export function countCells(risks: Risk[], kind: HeatCell['kind']): CellCounts {
  const counts = new Int32Array(SIDE * SIDE);
  for (const r of risks) {
    const l = kind === 'inherent' ? r.likelihood : r.residualLikelihood;
    const i = kind === 'inherent' ? r.impact : r.residualImpact;
    // A rating outside the levels has no cell to be counted in.
    if (l === null || i === null || l < 1 || i < 1 || l >= SIDE || i >= SIDE) continue;
    const cell = l * SIDE + i;
    counts[cell] = (counts[cell] ?? 0) + 1;
  }
  return counts;
}

const cellCount = (counts: CellCounts, l: number, i: number) => counts[l * SIDE + i] ?? 0;

const sameCounts = (a: CellCounts, b: CellCounts) =>
  a.length === b.length && a.every((n, k) => b[k] === n);

/**
 * Likelihood up the side (highest at the top), impact along the bottom; a click filters. Drawn
 * again only when a count changes, not on every keystroke in the register's search.
 */
export const HeatMap = memo(
  HeatMapGrid,
  (a, b) =>
    a.kind === b.kind &&
    a.criteria === b.criteria &&
    a.selected === b.selected &&
    a.onSelect === b.onSelect &&
    sameCounts(a.counts, b.counts),
);

function HeatMapGrid({ kind, criteria, counts, selected, onSelect }: Props) {
  const title = kind === 'inherent' ? 'Inherent risk' : 'Residual risk';
  const { likelihoods, impacts, labels } = useMemo(() => levelsOf(criteria), [criteria]);
  return (
    <Paper withBorder radius="md" p="sm" style={{ flex: 1, minWidth: 300 }}>
      <Text fw={600} size="sm" mb={6} id={`heat-${kind}`}>
        {title}
      </Text>
      <div
        role="group"
        aria-labelledby={`heat-${kind}`}
        style={{
          display: 'grid',
          gridTemplateColumns: `88px repeat(${criteria.impactLevels}, 1fr)`,
          gap: 3,
        }}
      >
        {likelihoods.flatMap((l, row) => [
          labels.likelihood[row],
          ...impacts.map((i) => {
            const band = bandFor(criteria.bands, l * i);
            return (
              <HeatCellButton
                key={`${l}:${i}`}
                kind={kind}
                likelihood={l}
                impact={i}
                count={cellCount(counts, l, i)}
                active={
                  selected?.kind === kind && selected.likelihood === l && selected.impact === i
                }
                color={bandColor(criteria.bands, band)}
                label={`${title}: likelihood ${l} (${criteria.likelihoodLabels[l - 1]}), impact ${i} (${criteria.impactLabels[i - 1]}), ${band}`}
                onSelect={onSelect}
              />
            );
          }),
        ])}
        <span />
        {labels.impact}
      </div>
      <Text size="xs" c="dimmed" ta="center" mt={2}>
        Impact → · Likelihood ↑
      </Text>
    </Paper>
  );
}

/**
 * The levels from highest likelihood down and impact up, with their labels as elements made
 * once per criteria: the same elements from one keystroke to the next, which React skips.
 */
function levelsOf(criteria: RiskCriteria) {
  const likelihoods = Array.from(
    { length: criteria.likelihoodLevels },
    (_, k) => criteria.likelihoodLevels - k,
  );
  const impacts = Array.from({ length: criteria.impactLevels }, (_, k) => k + 1);
  const labels = {
    likelihood: likelihoods.map((l) => (
      <Text key={`l${l}`} size="xs" c="dimmed" style={{ alignSelf: 'center' }} lineClamp={1}>
        {criteria.likelihoodLabels[l - 1]}
      </Text>
    )),
    impact: impacts.map((i) => (
      <Text key={i} size="xs" c="dimmed" ta="center" lineClamp={1}>
        {criteria.impactLabels[i - 1]}
      </Text>
    )),
  };
  return { likelihoods, impacts, labels };
}

/** A cell: drawn again only when its count or selection changes, not for every keystroke. */
interface CellProps extends HeatCell {
  count: number;
  active: boolean;
  color: string;
  /** Names the cell (kind, likelihood, impact, band); the count is added. */
  label: string;
  onSelect(cell: HeatCell | null): void;
}

const HeatCellButton = memo(function HeatCellButton(props: CellProps) {
  const { kind, likelihood, impact, count: n, active, color, label, onSelect } = props;
  return (
    <UnstyledButton
      aria-pressed={active}
      aria-label={`${label}, ${n} risk${n === 1 ? '' : 's'}`}
      onClick={() => onSelect(active ? null : { kind, likelihood, impact })}
      style={{
        height: 34,
        borderRadius: 4,
        textAlign: 'center',
        fontWeight: 600,
        fontSize: 13,
        background: `var(--mantine-color-${color}-${n > 0 ? 4 : 1})`,
        color: n > 0 ? 'var(--mantine-color-black)' : 'var(--mantine-color-gray-6)',
        outline: active ? '3px solid var(--mantine-color-indigo-7)' : undefined,
        outlineOffset: 1,
      }}
    >
      {n > 0 ? n : ''}
    </UnstyledButton>
  );
});
