import type { CSSProperties } from 'react';
import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import type { Risk } from '../../../../shared/contracts/risks';
import type { RiskBand } from '../../../../shared/rules/risk-levels';
import { riskStatusLabels } from '../../../../shared/domain/risks';
import { bandColor } from './levels';

const col = createColumnHelper<Risk>();

const byRef: SortingFn<Risk> = (a, b) =>
  a.original.ref.localeCompare(b.original.ref, 'en', { numeric: true });

// The cells are plain elements styled like Mantine's Text (size sm) and Badge (size sm, filled):
// a keystroke in the filter redraws every visible row, and Mantine's style resolution per
// component cost more than the filtering itself with fifty rows of eleven cells on screen.
const line: CSSProperties = {
  display: 'block',
  overflow: 'hidden',
  textOverflow: 'ellipsis',
  whiteSpace: 'nowrap',
};
const dimmed: CSSProperties = { color: 'var(--mantine-color-dimmed)' };
const levelStyle: CSSProperties = { display: 'flex', gap: 6, alignItems: 'center' };
const scoreStyle: CSSProperties = { width: 20, textAlign: 'right' };
const badgeStyle: CSSProperties = {
  display: 'inline-block',
  height: 18,
  lineHeight: '16px',
  padding: '0 8px',
  borderRadius: 1000,
  border: '1px solid transparent',
  fontSize: 10,
  fontWeight: 700,
  letterSpacing: 0.25,
  textTransform: 'uppercase',
  color: 'var(--mantine-color-white)',
  whiteSpace: 'nowrap',
};
const refStyle: CSSProperties = {
  background: 'none',
  border: 0,
  cursor: 'pointer',
  padding: 0,
  minHeight: 24, // WCAG 2.2 target size, without counting on the row's spacing
  font: 'inherit',
  fontWeight: 600,
  color: 'var(--mantine-color-indigo-8)',
};

function Level({
  bands,
  score,
  band,
}: {
  bands: RiskBand[];
  score: number | null;
  band: string | null;
}) {
  if (score === null) return <span style={dimmed}>—</span>;
  return (
    <span style={levelStyle}>
      <span style={scoreStyle}>{score}</span>
      <span
        style={{
          ...badgeStyle,
          background: `var(--mantine-color-${bandColor(bands, band)}-filled)`,
        }}
      >
        {band}
      </span>
    </span>
  );
}

/** The register's columns; widths are fixed so virtualised rows line up with the header. */
export function riskColumns(bands: RiskBand[], open: (risk: Risk) => void) {
  return [
    col.accessor('ref', {
      header: 'Ref',
      size: 90,
      sortingFn: byRef,
      cell: (c) => (
        <button
          type="button"
          className="risk-ref"
          aria-label={`Open ${c.getValue()}`}
          onClick={() => open(c.row.original)}
          style={refStyle}
        >
          {c.getValue()}
        </button>
      ),
    }),
    col.accessor('title', {
      header: 'Title',
      size: 300,
      cell: (c) => (
        <span style={line} title={c.getValue()}>
          {c.getValue()}
        </span>
      ),
    }),
    col.accessor((r) => r.aiSystemNames.join(', '), {
      id: 'systems',
      header: 'AI systems',
      size: 180,
      cell: (c) => <span style={line}>{c.getValue() || '—'}</span>,
    }),
    col.accessor((r) => r.riskSource ?? '', { id: 'source', header: 'Source', size: 80 }),
    col.accessor('inherentScore', {
      header: 'Inherent',
      size: 130,
      cell: (c) => <Level bands={bands} score={c.getValue()} band={c.row.original.inherentBand} />,
    }),
    col.accessor((r) => r.treatmentOption ?? '', {
      id: 'treatment',
      header: 'Treatment',
      size: 95,
    }),
    col.accessor((r) => r.controlRefs.join(', '), {
      id: 'controls',
      header: 'Controls',
      size: 170,
      enableSorting: false,
      cell: (c) => (
        <span style={line} title={c.getValue()}>
          {c.getValue() || '—'}
        </span>
      ),
    }),
    col.accessor((r) => r.residualScore ?? -1, {
      id: 'residual',
      header: 'Residual',
      size: 130,
      cell: (c) => (
        <Level
          bands={bands}
          score={c.row.original.residualScore}
          band={c.row.original.residualBand}
        />
      ),
    }),
    col.accessor('owner', { header: 'Owner', size: 170 }),
    col.accessor((r) => r.dueDate ?? '', { id: 'due', header: 'Due', size: 100 }),
    col.accessor('status', {
      header: 'Status',
      size: 110,
      cell: (c) => riskStatusLabels[c.getValue()],
    }),
  ];
}
