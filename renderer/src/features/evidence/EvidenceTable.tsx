import { Anchor, Badge, Table, Text } from '@mantine/core';
import type { EvidenceItem } from '../../../../shared/contracts/evidence';
import { formatDateTime } from '../../format';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';
import { classificationLabels, formatBytes } from './labels';

export function EvidenceTable({
  items,
  onOpen,
}: {
  items: EvidenceItem[];
  onOpen: (id: string) => void;
}) {
  // At 200 % zoom the table scrolls inside its frame, not the whole screen.
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="xs" aria-label="Evidence items">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Title</Table.Th>
            <Table.Th>File</Table.Th>
            <Table.Th w={120}>Status</Table.Th>
            <Table.Th w={150}>Classification</Table.Th>
            <Table.Th w={110}>Used by</Table.Th>
            <Table.Th w={190}>Added</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {items.map((item) => (
            <Table.Tr key={item.id}>
              <Table.Td>
                <Anchor
                  component="button"
                  type="button"
                  fw={600}
                  ta="left"
                  onClick={() => onOpen(item.id)}
                >
                  {item.title}
                </Anchor>
              </Table.Td>
              <Table.Td>
                <Text size="sm" truncate="end" maw={260}>
                  {item.originalName}
                </Text>
                <Text size="xs" c="dimmed">
                  {formatBytes(item.size)}
                </Text>
              </Table.Td>
              <Table.Td>
                <EvidenceStatusBadge status={item.effectiveStatus} />
              </Table.Td>
              <Table.Td>
                <Badge
                  variant="outline"
                  color={item.classification === 'confidential' ? 'red' : 'gray'}
                >
                  {classificationLabels[item.classification]}
                </Badge>
              </Table.Td>
              <Table.Td>
                {item.linkCount === 0 ? (
                  <Text size="sm" c="dimmed">
                    not linked
                  </Text>
                ) : (
                  `${item.linkCount} link${item.linkCount === 1 ? '' : 's'}`
                )}
              </Table.Td>
              <Table.Td>
                <Text size="sm" c="dimmed">
                  {formatDateTime(item.createdAt)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
