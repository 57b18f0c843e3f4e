import { Table, Text } from '@mantine/core';
import type { AuditFinding } from '../../../../shared/contracts/audit-checklist';
import { formatDate } from '../../format';
import { ActionStatusBadge } from '../corrective-actions/ActionStatusBadge';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';
import { TableSection } from '../../components/TableSection';
import { RowButton } from '../../components/RowButton';

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
    <TableSection
      title="Findings of this audit"
      count={findings.length}
      empty="No nonconformity recorded yet. A line saved as a nonconformity appears here and in the findings log of the current assessment, where its corrective action is raised."
      tableLabel="Findings raised by the audit"
      minWidth={640}
      columns={['Ref', 'Grade', 'Requirement', 'Finding', 'Corrective action']}
      buttons="Open"
    >
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
            <RowButton
              label={`${f.actionStatus ? 'Open action' : 'Raise action'} for ${f.ref}`}
              onClick={() => onAction(f)}
            >
              {f.actionStatus ? 'Open action' : 'Raise action'}
            </RowButton>
          </Table.Td>
        </Table.Tr>
      ))}
    </TableSection>
  );
}
