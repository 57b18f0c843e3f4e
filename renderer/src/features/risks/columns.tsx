import { Badge, Group, Text } from '@mantine/core';
import { createColumnHelper, type SortingFn } from '@tanstack/react-table';
import type { Risk } from '../../../../shared/contracts/risks';
import type { RiskBand } from '../../../../shared/rules/risk-levels';
import { riskStatusLabels } from '../../../../shared/domain/risks';
import { bandColor } from './levels';

const col = createColumnHelper<Risk>();

const byRef: SortingFn<Risk> = (a, b) =>
  a.original.ref.localeCompare(b.original.ref, 'en', { numeric: true });

function Level({
  bands,
  score,
  band,
}: {
  bands: RiskBand[];
  score: number | null;
  band: string | null;
}) {
  if (score === null)
    return (
      <Text size="sm" c="dimmed">
        —
      </Text>
    );
  return (
    <Group gap={6} wrap="nowrap">
      <Text size="sm" w={20} ta="right">
        {score}
      </Text>
      <Badge size="sm" variant="filled" color={bandColor(bands, band)}>
        {band}
      </Badge>
    </Group>
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
        <Text
          component="button"
          type="button"
          className="risk-ref"
          fw={600}
          c="indigo.8"
          size="sm"
          aria-label={`Open ${c.getValue()}`}
          onClick={() => open(c.row.original)}
          style={{ background: 'none', border: 0, cursor: 'pointer', padding: 0 }}
        >
          {c.getValue()}
        </Text>
      ),
    }),
    col.accessor('title', {
      header: 'Title',
      size: 300,
      cell: (c) => (
        <Text size="sm" lineClamp={1} title={c.getValue()}>
          {c.getValue()}
        </Text>
      ),
    }),
    col.accessor((r) => r.aiSystemNames.join(', '), {
      id: 'systems',
      header: 'AI systems',
      size: 180,
      cell: (c) => (
        <Text size="sm" lineClamp={1}>
          {c.getValue() || '—'}
        </Text>
      ),
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
        <Text size="sm" lineClamp={1} title={c.getValue()}>
          {c.getValue() || '—'}
        </Text>
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
