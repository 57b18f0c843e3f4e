import { useEffect, useState } from 'react';
import { Anchor, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { EvidenceFreshnessRow } from '../../../../shared/contracts/cycle';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { href } from '../../router/hash-route';
import { fetchEvidenceWarnings } from '../../stores/cycle';
import { ageText, FreshnessBadge } from './FreshnessBadge';

/**
 * On the readiness screen: evidence in scope that has expired, grown stale or runs out soon. A
 * certification body reads dates; an expired certificate is not evidence, however well filed.
 */
export function EvidenceFreshnessCard({ assessment }: { assessment: Assessment }) {
  const [rows, setRows] = useState<EvidenceFreshnessRow[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchEvidenceWarnings(assessment.id)
      .then((r) => live && setRows(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [assessment.id, assessment.updatedAt]);
  if (error) return <ErrorAlert message={error} />;
  if (!rows) return null;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Evidence freshness">
      <Group justify="space-between" mb="xs">
        <Title order={4}>Evidence freshness</Title>
        <Anchor href={href('evidence', assessment.engagementId)} size="sm">
          Open the evidence
        </Anchor>
      </Group>
      {rows.length === 0 ? (
        <Text size="sm" c="dimmed">
          No evidence in scope has expired, gone past its review date or grown older than a cycle.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={560}>
          <Table verticalSpacing={4} fz="sm">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Evidence</Table.Th>
                <Table.Th>State</Table.Th>
                <Table.Th>Why</Table.Th>
                <Table.Th>Supports</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((e) => (
                <Table.Tr key={e.id}>
                  <Table.Td>{e.title}</Table.Td>
                  <Table.Td>
                    <FreshnessBadge state={e.freshness} reason="" />
                  </Table.Td>
                  <Table.Td>
                    {e.reason}
                    <Text size="xs" c="dimmed">
                      {ageText(e.ageDays)}
                    </Text>
                  </Table.Td>
                  <Table.Td>{e.refs.join(', ')}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
