import { Alert, Badge, Button, Group, Table, Text } from '@mantine/core';
import type { InternalAudit } from '../../../../shared/contracts/audits';
import { auditStatusLabels } from '../../../../shared/rules/audit-programme';
import { formatDate } from '../../format';
import { TableSection } from '../../components/TableSection';
import { RowButton } from '../../components/RowButton';

const when = (a: InternalAudit) =>
  a.heldFrom
    ? `${formatDate(a.heldFrom)}${a.heldTo && a.heldTo !== a.heldFrom ? ` – ${formatDate(a.heldTo)}` : ''}`
    : a.plannedOn
      ? `planned ${formatDate(a.plannedOn)}`
      : '—';

/** The programme's audits: when, who audits whom, what they cover, and any independence problem. */
export function AuditList({
  audits,
  onOpen,
  onChecklist,
}: {
  audits: InternalAudit[];
  onOpen(audit: InternalAudit): void;
  /** Opens the audit's checklist (answered during the audit). */
  onChecklist(audit: InternalAudit): void;
}) {
  const flagged = audits.filter((a) => a.independence.length > 0);
  return (
    <TableSection
      title="Internal audits"
      count={audits.length}
      notice={
        flagged.length > 0 && (
          <Alert color="orange" title="Independence" mb="sm">
            {flagged
              .map(
                (a) =>
                  `${a.title}: ${a.independence.map((i) => `${i.auditor} owns ${i.refs.join(', ')}`).join('; ')}`,
              )
              .join(' · ')}
            . An auditor should not audit their own work: swap auditors for those areas.
          </Alert>
        )
      }
      empty="No audit planned yet. Plan the audits of the period so that every clause and every applicable control is covered at least once."
      tableLabel="Audits of the programme"
      minWidth={760}
      columns={['Audit', 'When', 'Auditors', 'Covers', 'Status']}
      buttons="Open"
      buttonsWidth={190}
    >
      {audits.map((a) => (
        <Table.Tr key={a.id}>
          <Table.Td>
            <Text size="sm" fw={600}>
              {a.title}
            </Text>
            {a.independence.length > 0 && (
              <Badge color="orange" variant="light" tt="none">
                Independence to check
              </Badge>
            )}
          </Table.Td>
          <Table.Td style={{ whiteSpace: 'nowrap' }}>{when(a)}</Table.Td>
          <Table.Td>{a.auditors.map((x) => x.name).join(', ') || '—'}</Table.Td>
          <Table.Td>
            <Text size="sm" lineClamp={2}>
              {a.refs.join(', ') || '—'}
            </Text>
          </Table.Td>
          <Table.Td>{auditStatusLabels[a.status]}</Table.Td>
          <Table.Td>
            <Group gap={6} wrap="nowrap">
              <RowButton label={`Open ${a.title}`} onClick={() => onOpen(a)}>
                Open
              </RowButton>
              <Button
                size="xs"
                variant="default"
                onClick={() => onChecklist(a)}
                disabled={a.requirementIds.length === 0}
                aria-label={`Checklist of ${a.title}`}
              >
                Checklist
              </Button>
            </Group>
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}
