import { Table, Text } from '@mantine/core';
import type { CorrectiveAction } from '../../../../shared/contracts/corrective-actions';
import { formatDate } from '../../format';
import { GradeBadge } from '../findings/GradeBadge';
import { ActionStatusBadge, OverdueBadge } from './ActionStatusBadge';
import { TableHead } from '../../components/TableHead';
import { RowButton } from '../../components/RowButton';

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
        <TableHead
          columns={['Finding', 'Corrective action', 'Owner', 'Due', 'Status']}
          buttons="Open"
          buttonsWidth={90}
        />
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
                <RowButton
                  label={`Open the corrective action of ${a.finding.ref} (${a.finding.assessmentTitle})`}
                  onClick={() => onOpen(a)}
                >
                  Open
                </RowButton>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
