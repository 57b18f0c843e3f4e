import { ActionIcon, Badge, Group, Table, Text, UnstyledButton } from '@mantine/core';
import {
  IconChevronDown,
  IconChevronUp,
  IconPencil,
  IconSelector,
  IconTool,
  IconTrash,
} from '@tabler/icons-react';
import type { Finding } from '../../../../shared/contracts/findings';
import { formatDate } from '../../format';
import { FindingStatusBadge, GradeBadge } from './GradeBadge';
import { isOverdue, today, type Sort, type SortKey } from './filter';
import { ReadOnlyTooltip } from './ReadOnlyTooltip';

interface Props {
  findings: Finding[];
  sort: Sort;
  onSort(key: SortKey): void;
  readOnly: boolean;
  onEdit(finding: Finding): void;
  onDelete(finding: Finding): void;
  /** Opens the finding's corrective action (open even on a final assessment: it closes there). */
  onAction(finding: Finding): void;
}

function SortHeader({
  label,
  sortKey,
  sort,
  onSort,
}: {
  label: string;
  sortKey: SortKey;
  sort: Sort;
  onSort(k: SortKey): void;
}) {
  const active = sort.key === sortKey;
  const Icon = !active ? IconSelector : sort.descending ? IconChevronDown : IconChevronUp;
  return (
    <Table.Th aria-sort={active ? (sort.descending ? 'descending' : 'ascending') : 'none'}>
      <UnstyledButton onClick={() => onSort(sortKey)} aria-label={`Sort by ${label.toLowerCase()}`}>
        <Group gap={4} wrap="nowrap">
          <Text fw={700} size="sm">
            {label}
          </Text>
          <Icon size={14} />
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export function FindingsTable({
  findings,
  sort,
  onSort,
  readOnly,
  onEdit,
  onDelete,
  onAction,
}: Props) {
  const now = today();
  // At 200 % zoom the table scrolls inside its frame, not the whole screen.
  return (
    <Table.ScrollContainer minWidth={760}>
      <Table highlightOnHover verticalSpacing="sm" aria-label="Findings">
        <Table.Thead>
          <Table.Tr>
            <SortHeader label="Ref" sortKey="ref" sort={sort} onSort={onSort} />
            <Table.Th>Grade</Table.Th>
            <Table.Th>Requirement</Table.Th>
            <Table.Th>Statement</Table.Th>
            <Table.Th>Owner</Table.Th>
            <SortHeader label="Due date" sortKey="dueDate" sort={sort} onSort={onSort} />
            <Table.Th>Status</Table.Th>
            <Table.Th w={120}>
              <Text size="sm" fw={700} c="dimmed">
                Actions
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findings.map((f) => {
            const overdue = isOverdue(f, now);
            return (
              <Table.Tr key={f.id}>
                <Table.Td>
                  <Text fw={700} ff="monospace" size="sm">
                    {f.ref}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <GradeBadge grade={f.grade} />
                </Table.Td>
                <Table.Td maw={220}>
                  <Text size="sm">
                    <Text span fw={600} ff="monospace">
                      {f.requirementRef}
                    </Text>{' '}
                    {f.requirementTitle}
                  </Text>
                </Table.Td>
                <Table.Td maw={380}>
                  <Text size="sm" lineClamp={3} style={{ whiteSpace: 'pre-wrap' }}>
                    {f.statement}
                  </Text>
                  {f.audit && (
                    <Badge color="indigo" variant="light" tt="none" mt={4}>
                      Internal audit: {f.audit.title}
                    </Badge>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="sm">{f.owner || '—'}</Text>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" c={overdue ? 'red.7' : undefined} fw={overdue ? 700 : undefined}>
                    {f.dueDate ? formatDate(f.dueDate) : '—'}
                    {overdue ? ' · overdue' : ''}
                  </Text>
                </Table.Td>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <FindingStatusBadge status={f.status} />
                </Table.Td>
                <Table.Td>
                  <Group gap={4} wrap="nowrap">
                    <ActionIcon
                      variant="subtle"
                      color="indigo"
                      aria-label={`Corrective action for ${f.ref}`}
                      onClick={() => onAction(f)}
                    >
                      <IconTool size={16} />
                    </ActionIcon>
                    <ReadOnlyTooltip readOnly={readOnly}>
                      <ActionIcon
                        variant="subtle"
                        aria-label={`Edit ${f.ref}`}
                        disabled={readOnly}
                        onClick={() => onEdit(f)}
                      >
                        <IconPencil size={16} />
                      </ActionIcon>
                    </ReadOnlyTooltip>
                    <ReadOnlyTooltip readOnly={readOnly}>
                      <ActionIcon
                        variant="subtle"
                        color="red"
                        aria-label={`Delete ${f.ref}`}
                        disabled={readOnly}
                        onClick={() => onDelete(f)}
                      >
                        <IconTrash size={16} />
                      </ActionIcon>
                    </ReadOnlyTooltip>
                  </Group>
                </Table.Td>
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
