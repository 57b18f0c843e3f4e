import { useState } from 'react';
import { Badge, Button, Group, Paper, Table, Text } from '@mantine/core';
import { IconCpu, IconPlus } from '@tabler/icons-react';
import type { AiSystem } from '../../../../shared/contracts/ai-systems';
import { aiRoleLabels } from '../../../../shared/domain/ai-roles';
import { lifecycleStageLabels } from '../../../../shared/domain/risks';
import { useRisks } from '../../stores/risks';
import { EmptyState } from '../../components/EmptyState';
import { AiSystemDrawer } from './AiSystemDrawer';
import { RiskClassBadge } from '../eu-ai-act/RiskClassBadge';

export function AiSystemsTab() {
  const systems = useRisks((s) => s.systems);
  const [editing, setEditing] = useState<AiSystem | 'new' | null>(null);
  const addButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setEditing('new')}>
      Add AI system
    </Button>
  );
  return (
    <>
      {systems.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconCpu size={28} />} title="No AI systems yet" action={addButton}>
            List the AI systems in the scope of the management system: what each is for, the
            organisation&apos;s role for it, the data it uses and who it affects. Risks and impact
            assessments refer to them.
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Group justify="flex-end" mb="sm">
            {addButton}
          </Group>
          <Paper withBorder radius="md">
            <Table highlightOnHover verticalSpacing="sm" aria-label="AI systems">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>Role</Table.Th>
                  <Table.Th>EU AI Act</Table.Th>
                  <Table.Th>Life-cycle stage</Table.Th>
                  <Table.Th>Model type</Table.Th>
                  <Table.Th>Data</Table.Th>
                  <Table.Th>Owner</Table.Th>
                  <Table.Th>Risks</Table.Th>
                  <Table.Th>Impact assessments</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {systems.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      <Button variant="subtle" px={4} onClick={() => setEditing(s)}>
                        {s.name}
                      </Button>
                      <Text size="xs" c="dimmed" lineClamp={1} maw={320}>
                        {s.purpose}
                      </Text>
                    </Table.Td>
                    <Table.Td>{aiRoleLabels[s.orgRole]}</Table.Td>
                    <Table.Td>
                      <RiskClassBadge
                        scoping={{
                          roles: s.euAiActRoles,
                          riskClass: s.euAiActRiskClass,
                          annexIiiPoint: s.euAiActAnnexIiiPoint,
                        }}
                      />
                    </Table.Td>
                    <Table.Td>{lifecycleStageLabels[s.lifecycleStage]}</Table.Td>
                    <Table.Td>{s.modelType || '—'}</Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {s.dataCategories.map((c) => (
                          <Badge
                            key={c}
                            tt="none"
                            variant="light"
                            color={c === 'special-category' || c === 'children' ? 'red' : 'blue'}
                          >
                            {c}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>{s.owner || '—'}</Table.Td>
                    <Table.Td>{s.riskCount}</Table.Td>
                    <Table.Td>{s.impactAssessmentCount}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      {editing && (
        <AiSystemDrawer
          system={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
