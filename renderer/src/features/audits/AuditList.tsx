import { Alert, Badge, Button, Group, Paper, Table, Text, Title } from '@mantine/core';
import type { InternalAudit } from '../../../../shared/contracts/audits';
import { auditStatusLabels } from '../../../../shared/rules/audit-programme';
import { formatDate } from '../../format';

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
    <Paper withBorder p="md" radius="md" component="section" aria-label="Internal audits">
      <Title order={4} mb="xs">
        Internal audits ({audits.length})
      </Title>
      {flagged.length > 0 && (
        <Alert color="orange" title="Independence" mb="sm">
          {flagged
            .map(
              (a) =>
                `${a.title}: ${a.independence.map((i) => `${i.auditor} owns ${i.refs.join(', ')}`).join('; ')}`,
            )
            .join(' · ')}
          . An auditor should not audit their own work: swap auditors for those areas.
        </Alert>
      )}
      {audits.length === 0 ? (
        <Text size="sm" c="dimmed">
          No audit planned yet. Plan the audits of the period so that every clause and every
          applicable control is covered at least once.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={760}>
          <Table fz="sm" verticalSpacing={6} aria-label="Audits of the programme">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Audit</Table.Th>
                <Table.Th>When</Table.Th>
                <Table.Th>Auditors</Table.Th>
                <Table.Th>Covers</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th w={190}>
                  <Text size="sm" fw={700} c="dimmed">
                    Open
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
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
                      <Button
                        size="xs"
                        variant="light"
                        onClick={() => onOpen(a)}
                        aria-label={`Open ${a.title}`}
                      >
                        Open
                      </Button>
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
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
