import { memo } from 'react';
import { Paper, Text, UnstyledButton } from '@mantine/core';
import type { Risk, RiskCriteria } from '../../../../shared/contracts/risks';
import { bandFor } from '../../../../shared/rules/risk-levels';
import type { HeatCell } from '../../stores/risk-register';
import { bandColor } from './levels';

interface Props {
  kind: HeatCell['kind'];
  criteria: RiskCriteria;
  /** Risks per cell, keyed "likelihood:impact" (see countCells). */
  counts: ReadonlyMap<string, number>;
  selected: HeatCell | null;
  onSelect(cell: HeatCell | null): void;
}

export function countCells(risks: Risk[], kind: HeatCell['kind']): Map<string, number> {
  const counts = new Map<string, number>();
  for (const r of risks) {
    const l = kind === 'inherent' ? r.likelihood : r.residualLikelihood;
    const i = kind === 'inherent' ? r.impact : r.residualImpact;
    if (l === null || i === null) continue;
    const key = `${l}:${i}`;
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

const sameCounts = (a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>) =>
  a.size === b.size && [...a].every(([key, n]) => b.get(key) === n);

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
  const likelihoods = Array.from(
    { length: criteria.likelihoodLevels },
    (_, k) => criteria.likelihoodLevels - k,
  );
  const impacts = Array.from({ length: criteria.impactLevels }, (_, k) => k + 1);
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
        {likelihoods.flatMap((l) => renderRow(l))}
        <span />
        {impacts.map((i) => (
          <Text key={i} size="xs" c="dimmed" ta="center" lineClamp={1}>
            {criteria.impactLabels[i - 1]}
          </Text>
        ))}
      </div>
      <Text size="xs" c="dimmed" ta="center" mt={2}>
        Impact → · Likelihood ↑
      </Text>
    </Paper>
  );

  function renderRow(l: number) {
    return [
      <Text key={`l${l}`} size="xs" c="dimmed" style={{ alignSelf: 'center' }} lineClamp={1}>
        {criteria.likelihoodLabels[l - 1]}
      </Text>,
      ...impacts.map((i) => {
        const n = counts.get(`${l}:${i}`) ?? 0;
        const band = bandFor(criteria.bands, l * i);
        const color = bandColor(criteria.bands, band);
        const active =
          selected?.kind === kind && selected.likelihood === l && selected.impact === i;
        return (
          <UnstyledButton
            key={`${l}:${i}`}
            aria-pressed={active}
            aria-label={`${title}: likelihood ${l} (${criteria.likelihoodLabels[l - 1]}), impact ${i} (${criteria.impactLabels[i - 1]}), ${band}, ${n} risk${n === 1 ? '' : 's'}`}
            onClick={() => onSelect(active ? null : { kind, likelihood: l, impact: i })}
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
      }),
    ];
  }
}
