import { useEffect, useState } from 'react';
import { Button, Group, Paper, Progress, Table, Text, Title } from '@mantine/core';
import { IconArrowsDiff, IconPlus } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { errorMessage } from '../../api/error-message';
import { fetchAssessmentsOf } from '../../stores/assessments';
import { href } from '../../router/hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { NewAssessmentModal } from '../assessments/NewAssessmentModal';
import { StatusBadge } from '../assessments/StatusBadge';

/** The assessments of one engagement (this year's and earlier ones), and starting a new one. */
export function EngagementAssessments({ engagementId }: { engagementId: string }) {
  const [items, setItems] = useState<Assessment[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [creating, setCreating] = useState(false);
  useEffect(() => {
    let live = true;
    fetchAssessmentsOf(engagementId)
      .then((list) => live && setItems(list))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [engagementId]);

  return (
    <Paper withBorder p="lg" radius="md" aria-label="Assessments of this engagement">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Assessments</Title>
        <Group gap="xs">
          {(items?.length ?? 0) >= 2 && (
            <Button
              size="xs"
              variant="default"
              leftSection={<IconArrowsDiff size={14} />}
              component="a"
              href={href('compare', engagementId)}
            >
              Compare cycles
            </Button>
          )}
          <Button size="xs" leftSection={<IconPlus size={14} />} onClick={() => setCreating(true)}>
            New assessment
          </Button>
        </Group>
      </Group>
      <NewAssessmentModal
        opened={creating}
        onClose={() => setCreating(false)}
        engagementId={engagementId}
      />
      {error && <ErrorAlert message={error} />}
      {items?.length === 0 && (
        <Text size="sm" c="dimmed">
          No assessment yet. Start one to interview the client against ISO/IEC 42001.
        </Text>
      )}
      {items && items.length > 0 && (
        <Table aria-label="Assessments of this engagement" verticalSpacing={6}>
          <Table.Tbody>
            {items.map((a) => (
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
                <Table.Td w={120}>
                  <StatusBadge status={a.status} />
                </Table.Td>
                <Table.Td w={200}>
                  <Progress
                    value={a.progress.total ? (100 * a.progress.assessed) / a.progress.total : 0}
                    aria-label={`${a.progress.assessed} of ${a.progress.total} assessed`}
                  />
                </Table.Td>
                <Table.Td w={90}>
                  <Text size="sm">
                    {a.progress.assessed}/{a.progress.total}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
