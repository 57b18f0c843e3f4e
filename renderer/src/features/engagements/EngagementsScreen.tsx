import { useEffect } from 'react';
import { Badge, Button, Group, Loader, Paper, Table, Text } from '@mantine/core';
import { IconBriefcase, IconPlus } from '@tabler/icons-react';
import { useEngagements } from '../../stores/engagements';
import { href, navigate } from '../../router/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { ImportExchangeButton } from '../merge/ImportExchangeButton';

export function EngagementsScreen() {
  const { items, status, error, load } = useEngagements();
  useEffect(() => {
    void load();
  }, [load]);

  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => navigate('engagements', 'new')}>
      New engagement
    </Button>
  );

  return (
    <>
      <PageHeader
        title="Engagements"
        subtitle="One engagement per client organisation: its AIMS scope, sites and the people assessing it."
        actions={
          <>
            <ImportExchangeButton />
            {items.length > 0 && newButton}
          </>
        }
      />
      {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void load()} />}
      {status === 'loading' && <Loader aria-label="Loading engagements" />}
      {status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconBriefcase size={28} />}
            title="No engagements yet"
            action={newButton}
          >
            Start by creating an engagement for the client you are assessing. Everything else —
            assessments, evidence, risks and reports — belongs to one.
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Paper withBorder radius="md">
          {/* At 200 % zoom the table scrolls inside its frame, not the whole screen. */}
          <Table.ScrollContainer minWidth={720}>
            <Table highlightOnHover verticalSpacing="sm" aria-label="Engagements">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Client</Table.Th>
                  <Table.Th>Lead assessor</Table.Th>
                  <Table.Th>Dates</Table.Th>
                  <Table.Th>Sites</Table.Th>
                  <Table.Th>Assessments</Table.Th>
                  <Table.Th>Last changed</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((e) => (
                  <Table.Tr key={e.id}>
                    <Table.Td>
                      <Text component="a" href={href('engagements', e.id)} fw={600} c="blue.8">
                        {e.clientName}
                      </Text>
                    </Table.Td>
                    <Table.Td>{e.leadAssessor}</Table.Td>
                    <Table.Td>
                      {e.startDate || e.endDate
                        ? `${formatDate(e.startDate)} – ${formatDate(e.endDate)}`
                        : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {e.sites.length === 0
                          ? '—'
                          : e.sites.slice(0, 3).map((s) => (
                              <Badge key={s} variant="light">
                                {s}
                              </Badge>
                            ))}
                        {e.sites.length > 3 && <Text size="xs">+{e.sites.length - 3}</Text>}
                      </Group>
                    </Table.Td>
                    <Table.Td>{e.assessmentCount}</Table.Td>
                    <Table.Td>
                      <Text size="sm" c="dimmed">
                        {formatDateTime(e.updatedAt)} by {e.updatedBy}
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        </Paper>
      )}
    </>
  );
}
