import { useEffect, useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { CarriedItem } from '../../../../shared/contracts/cycle';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useCycle } from '../../stores/cycle';
import { isReadOnly } from '../../stores/workspace';
import { carriedStateColours, carriedStateLabels } from './labels';

const kindLabels: Record<CarriedItem['kind'], string> = {
  scope: 'Scope',
  scoping: 'Scoping',
  soa: 'SoA',
};

/**
 * What the assessment carried over from the previous cycle. Nothing carried counts as decided
 * until a person confirms it as it is or decides it anew (on the SoA tab, in the scope below).
 */
export function CarriedOverPanel({ assessment }: { assessment: Assessment }) {
  const { view, error, load, confirm } = useCycle();
  const [busy, setBusy] = useState<string | null>(null);
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, assessment.updatedAt, load]);
  const mine = view?.assessmentId === assessment.id ? view : null;
  if (error) return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (!mine || mine.carried.length === 0) return null;
  const readOnly = isReadOnly(assessment);

  async function run(key: string, items: Parameters<typeof confirm>[1]) {
    setBusy(key);
    try {
      await confirm(assessment.id, items);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(null);
    }
  }

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label="Carried over">
      <Group justify="space-between" mb="xs">
        <Stack gap={2}>
          <Title order={4}>Carried over from {mine.previous?.title ?? 'the previous cycle'}</Title>
          <Text size="sm" c="dimmed" aria-live="polite">
            {mine.pending === 0
              ? 'Every carried-over decision has been confirmed or decided anew.'
              : `${mine.pending} of ${mine.carried.length} still to confirm. Change a decision where it is made (scope and scoping below, the SoA tab), or confirm it as it stands.`}
          </Text>
        </Stack>
        <Button
          variant="light"
          disabled={readOnly || mine.pending === 0}
          loading={busy === 'all'}
          onClick={() => void run('all', 'all')}
        >
          Confirm all {mine.pending > 0 ? mine.pending : ''}
        </Button>
      </Group>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={80}>Kind</Table.Th>
              <Table.Th>Decision</Table.Th>
              <Table.Th>Last cycle</Table.Th>
              <Table.Th w={200}>State</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {mine.carried.map((item) => (
              <Table.Tr key={item.id}>
                <Table.Td>{kindLabels[item.kind]}</Table.Td>
                <Table.Td>{item.label}</Table.Td>
                <Table.Td>
                  <Text size="sm" lineClamp={3}>
                    {item.carried}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Group gap={6} wrap="nowrap">
                    <Badge color={carriedStateColours[item.state]} variant="light" tt="none">
                      {carriedStateLabels[item.state]}
                    </Badge>
                    {item.state === 'pending' && !readOnly && (
                      <Button
                        size="compact-xs"
                        variant="default"
                        loading={busy === item.id}
                        onClick={() => void run(item.id, [{ kind: item.kind, key: item.key }])}
                        aria-label={`Confirm ${item.label}`}
                      >
                        Confirm
                      </Button>
                    )}
                  </Group>
                  {item.state === 'confirmed' && item.confirmedAt && (
                    <Text size="xs" c="dimmed">
                      {item.confirmedBy}, {formatDateTime(item.confirmedAt)}
                    </Text>
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}
