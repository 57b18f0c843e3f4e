import { LineChart } from '@mantine/charts';
import { Paper, Table, Text, Title } from '@mantine/core';
import type { TrendPoint } from '../../../../shared/contracts/comparison';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { formatDate } from '../../format';
import { pct } from './labels';

const score = (n: number | null) => (n === null ? null : Math.round(n * 100));

/**
 * Readiness over every cycle of the engagement. The chart is drawn for the eye; the table under
 * it says the same for anyone who cannot see it, and holds the verdicts the chart cannot.
 */
export function TrendChart({ points }: { points: TrendPoint[] }) {
  const data = points.map((p) => ({
    cycle: p.title,
    Overall: score(p.score),
    'Clauses 4–10': score(p.clauses),
    'Annex A': score(p.controls),
  }));
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Readiness trend">
      <Title order={4} mb="sm">
        Readiness over every cycle
      </Title>
      {points.length < 2 && (
        <Text size="sm" c="dimmed" mb="xs">
          One cycle so far: the trend starts with the next assessment.
        </Text>
      )}
      <div data-testid="trend-chart">
        <LineChart
          h={220}
          data={data}
          dataKey="cycle"
          series={[
            { name: 'Overall', color: 'indigo.6' },
            { name: 'Clauses 4–10', color: 'teal.7' },
            { name: 'Annex A', color: 'orange.7' },
          ]}
          yAxisProps={{ domain: [0, 100] }}
          unit=" %"
          withLegend
          connectNulls
          curveType="linear"
        />
      </div>
      <Table.ScrollContainer minWidth={560} mt="sm">
        <Table fz="sm" verticalSpacing={4} aria-label="Readiness per cycle">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Cycle</Table.Th>
              <Table.Th>As of</Table.Th>
              <Table.Th>Overall</Table.Th>
              <Table.Th>Clauses</Table.Th>
              <Table.Th>Annex A</Table.Th>
              <Table.Th>Verdict</Table.Th>
              <Table.Th>Open findings</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {points.map((p) => (
              <Table.Tr key={p.id}>
                <Table.Td>{p.title}</Table.Td>
                <Table.Td>
                  {formatDate(p.at)}
                  {p.status === 'final' ? '' : ' (in progress)'}
                </Table.Td>
                <Table.Td>{pct(p.score)}</Table.Td>
                <Table.Td>{pct(p.clauses)}</Table.Td>
                <Table.Td>{pct(p.controls)}</Table.Td>
                <Table.Td>{verdictLabels[p.verdict]}</Table.Td>
                <Table.Td>{p.openFindings}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
