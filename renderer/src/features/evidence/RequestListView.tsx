import { useEffect, useState } from 'react';
import { Badge, Button, Group, Loader, Stack, Table, Text } from '@mantine/core';
import { IconFileSpreadsheet } from '@tabler/icons-react';
import type { RequestList } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import { fetchRequestList, requestListCsv, useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { statusLabels } from './labels';

const stateColors = { missing: 'red', requested: 'gray', received: 'green' } as const;
const stateLabels = { missing: 'Missing', requested: 'Requested', received: 'Received' } as const;

/** What to ask the client for, per requirement, and what already came in — before the visit. */
export function RequestListView({ engagementId }: { engagementId: string }) {
  const version = useEvidence((s) => s.version);
  const [list, setList] = useState<RequestList | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchRequestList(engagementId).then(setList, (e: unknown) => setError(errorMessage(e)));
  }, [engagementId, version]);

  async function exportCsv() {
    try {
      const { csv, fileName } = await requestListCsv(engagementId);
      await filePlatform().saveCopy(new Blob([csv], { type: 'text/csv;charset=utf-8' }), fileName);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  if (error) return <ErrorAlert message={error} />;
  if (!list) return <Loader size="sm" aria-label="Loading request list" />;
  return (
    <Stack gap="sm">
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          {list.counts.requirements} requirements · evidence received for {list.counts.received} ·
          still to collect for {list.counts.missing}
        </Text>
        <Button
          leftSection={<IconFileSpreadsheet size={16} />}
          variant="light"
          onClick={() => void exportCsv()}
        >
          Export CSV
        </Button>
      </Group>
      <Table aria-label="Evidence request list" verticalSpacing="xs" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th w={80}>Ref</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Evidence to request</Table.Th>
            <Table.Th>Received</Table.Th>
            <Table.Th w={110}>State</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {list.rows.map((r) => (
            <Table.Tr key={r.requirementId}>
              <Table.Td fw={600}>{r.ref}</Table.Td>
              <Table.Td>{r.title}</Table.Td>
              <Table.Td>
                <Text size="sm">{r.expected.map((e) => e.label).join('; ')}</Text>
              </Table.Td>
              <Table.Td>
                {r.items.length === 0 ? (
                  <Text size="sm" c="dimmed">
                    nothing yet
                  </Text>
                ) : (
                  r.items.map((i) => (
                    <Text key={i.id} size="sm">
                      {i.title} ({statusLabels[i.effectiveStatus].toLowerCase()})
                    </Text>
                  ))
                )}
              </Table.Td>
              <Table.Td>
                <Badge color={stateColors[r.state]} variant="light">
                  {stateLabels[r.state]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}
