import { useEffect, useState } from 'react';
import { Button, Group, Loader, Paper, Progress, Table, Text } from '@mantine/core';
import { IconChecklist, IconPlus } from '@tabler/icons-react';
import { useAssessments } from '../../stores/assessments';
import { href } from '../../router/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { NewAssessmentModal } from './NewAssessmentModal';
import { StatusBadge } from './StatusBadge';

export function AssessmentsScreen() {
  const { items, status, error, load } = useAssessments();
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setCreating(true)}>
      New assessment
    </Button>
  );
  return (
    <>
      <PageHeader
        title="Assessments"
        subtitle="Gap assessments against ISO/IEC 42001, one requirement at a time."
        actions={items.length > 0 ? newButton : undefined}
      />
      <NewAssessmentModal opened={creating} onClose={() => setCreating(false)} />
      {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void load()} />}
      {status === 'loading' && <Loader aria-label="Loading assessments" />}
      {status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconChecklist size={28} />}
            title="No assessments yet"
            action={newButton}
          >
            An assessment walks through clauses 4–10 and the Annex A controls with the client,
            records the answers and findings, and ends with a readiness verdict.
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          <Table highlightOnHover verticalSpacing="sm" aria-label="Assessments">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Assessment</Table.Th>
                <Table.Th>Client</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th w={220}>Progress</Table.Th>
                <Table.Th>Planned</Table.Th>
                <Table.Th>Last changed</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {items.map((a) => {
                const pct =
                  a.progress.total > 0 ? (100 * a.progress.assessed) / a.progress.total : 0;
                return (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text
                        component="a"
                        href={href('assessments', a.id, 'interview')}
                        fw={600}
                        c="blue.8"
                      >
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.clientName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                    <Table.Td>
                      <Group gap="xs" wrap="nowrap">
                        <Progress
                          value={pct}
                          w={120}
                          aria-label={`${a.progress.assessed} of ${a.progress.total} assessed`}
                        />
                        <Text size="sm">
                          {a.progress.assessed}/{a.progress.total}
                        </Text>
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {a.plannedStart
                        ? `${formatDate(a.plannedStart)} – ${formatDate(a.plannedEnd)}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(a.updatedAt)}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                );
              })}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
    </>
  );
}
