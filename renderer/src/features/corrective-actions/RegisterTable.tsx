import { Button, Table, Text } from '@mantine/core';
import type { CorrectiveAction } from '../../../../shared/contracts/corrective-actions';
import { formatDate } from '../../format';
import { GradeBadge } from '../findings/GradeBadge';
import { ActionStatusBadge, OverdueBadge } from './ActionStatusBadge';

/** The register's rows; a late action's row is tinted and says by how many days. */
export function RegisterTable({
  actions,
  onOpen,
}: {
  actions: CorrectiveAction[];
  onOpen(action: CorrectiveAction): void;
}) {
  return (
    <Table.ScrollContainer minWidth={900}>
      <Table verticalSpacing="sm" aria-label="Corrective-action register" highlightOnHover>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Finding</Table.Th>
            <Table.Th>Corrective action</Table.Th>
            <Table.Th>Owner</Table.Th>
            <Table.Th>Due</Table.Th>
            <Table.Th>Status</Table.Th>
            <Table.Th w={90}>
              <Text size="sm" fw={700} c="dimmed">
                Open
              </Text>
            </Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {actions.map((a) => (
            <Table.Tr
              key={a.id}
              bg={a.daysOverdue > 0 ? 'red.0' : undefined}
              data-overdue={a.daysOverdue > 0 || undefined}
            >
              <Table.Td maw={320}>
                <Text size="sm" fw={700} ff="monospace" span>
                  {a.finding.ref}
                </Text>{' '}
                <GradeBadge grade={a.finding.grade} />
                <Text size="xs" c="dimmed">
                  {a.finding.assessmentTitle} · {a.finding.requirementRef}
                </Text>
                <Text size="sm" lineClamp={2}>
                  {a.finding.statement}
                </Text>
              </Table.Td>
              <Table.Td maw={360}>
                <Text size="sm" lineClamp={3} c={a.action ? undefined : 'dimmed'}>
                  {a.action || 'Not written yet'}
                </Text>
              </Table.Td>
              <Table.Td>
                <Text size="sm">{a.owner || '—'}</Text>
              </Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>
                <Text size="sm" fw={a.daysOverdue > 0 ? 700 : undefined}>
                  {a.dueDate ? formatDate(a.dueDate) : '—'}
                </Text>
                <OverdueBadge days={a.daysOverdue} />
              </Table.Td>
              <Table.Td>
                <ActionStatusBadge status={a.status} />
                {a.completedOn && a.status === 'awaiting-review' && (
                  <Text size="xs" c="dimmed">
                    done {formatDate(a.completedOn)}
                  </Text>
                )}
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onOpen(a)}
                  aria-label={`Open the corrective action of ${a.finding.ref} (${a.finding.assessmentTitle})`}
                >
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
