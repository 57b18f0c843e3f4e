import { useState } from 'react';
import { Badge, Group, SegmentedControl, Table, Text } from '@mantine/core';
import type { Comparison } from '../../../../shared/contracts/comparison';
import { resultLabels } from '../../../../shared/domain/assessment';
import { changeLabels } from '../../../../shared/rules/comparison';
import { changeColours } from './labels';

type Row = Comparison['requirements'][number];
const result = (r: Row['before']) => (r === null ? 'Out of scope' : resultLabels[r]);

/** Per requirement, before and after; by default only the ones that can be compared or are new. */
export function RequirementChanges({ comparison }: { comparison: Comparison }) {
  const [show, setShow] = useState<'changed' | 'compared' | 'all'>('changed');
  const rows = comparison.requirements.filter((r) =>
    show === 'all'
      ? true
      : show === 'compared'
        ? r.change !== 'not-compared'
        : r.change === 'improved' || r.change === 'worsened' || r.change === 'new',
  );
  return (
    <>
      <Group justify="space-between" my="sm">
        <SegmentedControl
          aria-label="Requirements shown"
          value={show}
          onChange={(v) => setShow(v as typeof show)}
          data={[
            { value: 'changed', label: 'Improved, worsened, new' },
            { value: 'compared', label: 'Everything compared' },
            { value: 'all', label: 'All requirements' },
          ]}
        />
        <Text size="sm" c="dimmed" aria-live="polite">
          {rows.length} of {comparison.requirements.length} shown
        </Text>
      </Group>
      <Table.ScrollContainer minWidth={720}>
        <Table fz="sm" verticalSpacing={4} aria-label="Requirement changes" striped>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={90}>Ref</Table.Th>
              <Table.Th>Requirement</Table.Th>
              <Table.Th>{comparison.before.title}</Table.Th>
              <Table.Th>{comparison.after.title}</Table.Th>
              <Table.Th>Change</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((r) => (
              <Table.Tr key={r.requirementId}>
                <Table.Td ff="monospace">{r.ref}</Table.Td>
                <Table.Td>{r.title}</Table.Td>
                <Table.Td>{result(r.before)}</Table.Td>
                <Table.Td>{result(r.after)}</Table.Td>
                <Table.Td>
                  <Badge color={changeColours[r.change]} variant="light" tt="none">
                    {changeLabels[r.change]}
                  </Badge>
                  {r.note && (
                    <Text span size="xs" c="dimmed" ml={6}>
                      {r.note}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </>
  );
}
