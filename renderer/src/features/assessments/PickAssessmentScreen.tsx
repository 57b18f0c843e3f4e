import { useEffect, type ReactNode } from 'react';
import { Button, Loader, Paper, Stack, Table, Text } from '@mantine/core';
import { IconChecklist } from '@tabler/icons-react';
import { useAssessments } from '../../stores/assessments';
import { href, navigate } from '../../router/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';
import { StatusBadge } from './StatusBadge';

interface Props {
  title: string;
  subtitle: string;
  icon: ReactNode;
  /** The workspace tab each assessment opens on. */
  tab: string;
}

/** For sections that live inside an assessment (SoA, readiness): choose which one. */
export function PickAssessmentScreen({ title, subtitle, icon, tab }: Props) {
  const { items, status, load } = useAssessments();
  useEffect(() => {
    void load();
  }, [load]);
  return (
    <>
      <PageHeader title={title} subtitle={subtitle} />
      {status !== 'ready' && <Loader aria-label="Loading assessments" />}
      {status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState
            icon={icon}
            title="No assessment yet"
            action={
              <Button
                leftSection={<IconChecklist size={16} />}
                onClick={() => navigate('assessments')}
              >
                Go to assessments
              </Button>
            }
          >
            {title} belongs to an assessment. Create one first.
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack>
          <Text c="dimmed">Choose an assessment:</Text>
          <Paper withBorder radius="md">
            <Table highlightOnHover aria-label="Assessments">
              <Table.Tbody>
                {items.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Text component="a" href={href('assessments', a.id, tab)} fw={600} c="blue.8">
                        {a.title}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.clientName}</Table.Td>
                    <Table.Td>
                      <StatusBadge status={a.status} />
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
    </>
  );
}
