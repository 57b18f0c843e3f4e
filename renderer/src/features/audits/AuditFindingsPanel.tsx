import { Button, Paper, Table, Text, Title } from '@mantine/core';
import type { AuditFinding } from '../../../../shared/contracts/audit-checklist';
import { formatDate } from '../../format';
import { ActionStatusBadge } from '../corrective-actions/ActionStatusBadge';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';

/**
 * The nonconformities this audit raised, as they stand in the findings log: their status and
 * the state of their corrective action (raised from here as from the log).
 */
export function AuditFindingsPanel({
  findings,
  onAction,
}: {
  findings: AuditFinding[];
  onAction(finding: AuditFinding): void;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Findings of this audit">
      <Title order={4} mb="xs">
        Findings of this audit ({findings.length})
      </Title>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          No nonconformity recorded yet. A line saved as a nonconformity appears here and in the
          findings log of the current assessment, where its corrective action is raised.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={640}>
          <Table fz="sm" verticalSpacing={6} aria-label="Findings raised by the audit">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Ref</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Requirement</Table.Th>
                <Table.Th>Finding</Table.Th>
                <Table.Th>Corrective action</Table.Th>
                <Table.Th>
                  <Text size="sm" fw={700} c="dimmed">
                    Open
                  </Text>
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td ff="monospace" fw={700}>
                    {f.ref}
                  </Table.Td>
                  <Table.Td>
                    <GradeBadge grade={f.grade} />
                  </Table.Td>
                  <Table.Td ff="monospace">{f.requirementRef}</Table.Td>
                  <Table.Td maw={320}>
                    <Text size="sm" lineClamp={2}>
                      {f.statement}
                    </Text>
                    <FindingStatusBadge status={f.status} />
                  </Table.Td>
                  <Table.Td>
                    {f.actionStatus ? (
                      <>
                        <ActionStatusBadge status={f.actionStatus} />
                        <Text size="xs" c="dimmed">
                          {[f.actionOwner, f.actionDue && `due ${formatDate(f.actionDue)}`]
                            .filter(Boolean)
                            .join(' · ')}
                        </Text>
                      </>
                    ) : (
                      <Text size="sm" c="dimmed">
                        None yet
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="light"
                      onClick={() => onAction(f)}
                      aria-label={`${f.actionStatus ? 'Open action' : 'Raise action'} for ${f.ref}`}
                    >
                      {f.actionStatus ? 'Open action' : 'Raise action'}
                    </Button>
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
