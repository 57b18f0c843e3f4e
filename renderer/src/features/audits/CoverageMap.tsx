import { useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Table, Text, Title } from '@mantine/core';
import type { ProgrammeCoverage } from '../../../../shared/contracts/audits';
import type { CoverageState } from '../../../../shared/rules/audit-programme';
import { formatDate } from '../../format';

const stateLabel: Record<CoverageState, string> = {
  audited: 'Audited',
  planned: 'Planned',
  'not-covered': 'Not yet covered',
};
const stateColour: Record<CoverageState, string> = {
  audited: 'green',
  planned: 'blue',
  'not-covered': 'red',
};

type Show = 'all' | CoverageState;

/**
 * Which requirement the programme audited when, what is planned and what is not yet covered.
 * Controls the SoA excludes are listed as not applicable, never as gaps.
 */
export function CoverageMap({ coverage }: { coverage: ProgrammeCoverage }) {
  const [show, setShow] = useState<Show>('all');
  const rows = coverage.rows.filter((r) => show === 'all' || (r.applicable && r.state === show));
  const s = coverage.summary;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Coverage map">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Coverage map</Title>
        <Group gap="xs">
          <Badge color="green" variant="light" tt="none" size="lg">
            Audited: {s.audited}
          </Badge>
          <Badge color="blue" variant="light" tt="none" size="lg">
            Planned: {s.planned}
          </Badge>
          <Badge color="red" variant={s['not-covered'] ? 'filled' : 'light'} tt="none" size="lg">
            Not yet covered: {s['not-covered']}
          </Badge>
        </Group>
      </Group>
      <Group justify="space-between" mb="xs">
        <SegmentedControl
          aria-label="Requirements shown"
          value={show}
          onChange={(v) => setShow(v as Show)}
          data={[
            { value: 'all', label: 'All' },
            { value: 'not-covered', label: 'Not yet covered' },
            { value: 'planned', label: 'Planned' },
            { value: 'audited', label: 'Audited' },
          ]}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.length} of {coverage.rows.length} shown
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={4} striped aria-label="Requirements by coverage">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Ref</Table.Th>
              <Table.Th>Requirement</Table.Th>
              <Table.Th w={150}>Coverage</Table.Th>
              <Table.Th>Audited in</Table.Th>
              <Table.Th>Planned in</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.requirementId}>
                <Table.Td ff="monospace">{r.ref}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>
                  {r.applicable ? (
                    <Badge color={stateColour[r.state]} variant="light" tt="none">
                      {stateLabel[r.state]}
                    </Badge>
                  ) : (
                    <Badge color="gray" variant="light" tt="none">
                      Not applicable (SoA)
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  {r.audited
                    .map((a) => `${a.title}${a.on ? ` (${formatDate(a.on)})` : ''}`)
                    .join('; ') || '—'}
                </Table.Td>
                <Table.Td>
                  {r.planned
                    .map((a) => `${a.title}${a.on ? ` (${formatDate(a.on)})` : ''}`)
                    .join('; ') || '—'}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
