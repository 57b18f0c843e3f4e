import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  Stack,
  Table,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { DocumentRow } from '../../../../shared/contracts/documents';
import { documentStatusLabels } from '../../../../shared/rules/documented-information';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate } from '../../format';
import { useDocuments } from '../../stores/documents';
import { isReadOnly } from '../../stores/workspace';
import { StageBadge } from '../catalog/guidance/StageBadge';
import { DocumentDrawer } from './DocumentDrawer';
import { documentStatusColours } from './status';

/** Where the item comes from and what it shares, in one line under its name. */
function provenance(row: DocumentRow): string {
  const parts: string[] = [];
  if (row.control) {
    parts.push(
      row.required
        ? `Depends on control ${row.control}: required while the SoA applies it`
        : `Not required: the SoA excludes ${row.control}`,
    );
  }
  if (row.sharedWith.length > 0) {
    parts.push(`counts against ${row.countsAgainst} only (${row.sharedWith.join(', ')} share it)`);
  }
  return parts.join('; ');
}

/**
 * The register of mandatory documented information for this assessment: what the consultant saw
 * of each item. Readiness reads these records, never the interview answers.
 */
export function DocumentsTab({ assessment }: { assessment: Assessment }) {
  const { rows, status, error, load } = useDocuments();
  const [editing, setEditing] = useState<DocumentRow['key'] | null>(null);
  const readOnly = isReadOnly(assessment);
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  if (status === 'error' && error)
    return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (status !== 'ready' && rows.length === 0)
    return <Loader aria-label="Loading the documented information" />;

  const required = rows.filter((r) => r.required);
  const inPlace = required.filter((r) => r.status === 'in-place').length;
  const open = rows.find((r) => r.key === editing) ?? null;
  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Stack gap={4} maw={560}>
          <Text fw={600} aria-live="polite" data-testid="documents-counter">
            In place {inPlace} of {required.length} required
          </Text>
          <Progress
            value={required.length ? (100 * inPlace) / required.length : 0}
            aria-label="Documented information in place"
            color={inPlace === required.length ? 'green' : 'indigo'}
          />
          <Text size="xs" c="dimmed">
            Record what you saw of each item: whether it exists, is approved and is current, who
            owns it and when it is next reviewed. An item counts as in place only when all three
            hold and its review date has not passed. Items that depend on a control follow its SoA
            decision.
          </Text>
        </Stack>
      </Paper>
      <Table.ScrollContainer minWidth={900}>
        <Table aria-label="Mandatory documented information" verticalSpacing="xs" highlightOnHover>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Item</Table.Th>
              <Table.Th>Requirement</Table.Th>
              <Table.Th>Stage</Table.Th>
              <Table.Th>Status</Table.Th>
              <Table.Th>Owner</Table.Th>
              <Table.Th>Next review</Table.Th>
              <Table.Th>Evidence</Table.Th>
              <Table.Th>
                <VisuallyHidden>Action</VisuallyHidden>
              </Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((row) => (
              <Table.Tr key={row.key} data-document={row.key}>
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {row.label}
                  </Text>
                  {provenance(row) && (
                    <Text size="xs" c="dimmed">
                      {provenance(row)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace">
                    {row.ref}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <StageBadge stage={row.stage} />
                </Table.Td>
                <Table.Td>
                  <Badge color={documentStatusColours[row.status]} variant="light">
                    {documentStatusLabels[row.status]}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.record?.owner || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    {row.record?.reviewDate ? formatDate(row.record.reviewDate) : '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{row.evidence.length || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Group justify="flex-end">
                    <Button
                      size="compact-sm"
                      variant="light"
                      onClick={() => setEditing(row.key)}
                      aria-label={`${row.record ? 'Edit' : 'Record'} ${row.label}`}
                    >
                      {readOnly ? 'View' : row.record ? 'Edit' : 'Record'}
                    </Button>
                  </Group>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
      {open && (
        <DocumentDrawer
          assessment={assessment}
          row={open}
          readOnly={readOnly}
          onClose={() => setEditing(null)}
        />
      )}
    </Stack>
  );
}
