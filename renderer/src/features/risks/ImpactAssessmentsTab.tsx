import { useState } from 'react';
import { Badge, Button, Group, Paper, Stack, Table, Text } from '@mantine/core';
import { IconPlus, IconUsersGroup } from '@tabler/icons-react';
import type { ImpactAssessment } from '../../../../shared/contracts/impact-assessments';
import { impactAreaLabels } from '../../../../shared/domain/risks';
import { EmptyState } from '../../components/EmptyState';
import { formatDate } from '../../format';
import { useRisks } from '../../stores/risks';
import { ImpactAssessmentDrawer } from './ImpactAssessmentDrawer';

export function ImpactAssessmentsTab() {
  const { assessments, systems } = useRisks();
  const [editing, setEditing] = useState<ImpactAssessment | 'new' | null>(null);
  const addButton = (
    <Button
      leftSection={<IconPlus size={16} />}
      onClick={() => setEditing('new')}
      disabled={systems.length === 0}
    >
      New impact assessment
    </Button>
  );
  return (
    <>
      {assessments.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconUsersGroup size={28} />}
            title="No impact assessments yet"
            action={addButton}
          >
            {systems.length === 0
              ? 'An impact assessment looks at one AI system: add the AI systems first.'
              : 'Assess each AI system’s effects on individuals, groups and society — fairness, privacy, safety and more — with the measures in place and planned (A.5.2–A.5.5).'}
          </EmptyState>
        </Paper>
      ) : (
        <Stack>
          <Group justify="flex-end">{addButton}</Group>
          <Paper withBorder radius="md">
            <Table verticalSpacing="sm" highlightOnHover aria-label="Impact assessments">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>AI system</Table.Th>
                  <Table.Th>Affected</Table.Th>
                  <Table.Th>Impact areas</Table.Th>
                  <Table.Th>Severity × likelihood</Table.Th>
                  <Table.Th>Reviewed</Table.Th>
                  <Table.Th>Outcome</Table.Th>
                  <Table.Th>Risks</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {assessments.map((a) => (
                  <Table.Tr key={a.id}>
                    <Table.Td>
                      <Button
                        variant="subtle"
                        px={4}
                        onClick={() => setEditing(a)}
                        aria-label={`Open impact assessment of ${a.aiSystemName}`}
                      >
                        {a.aiSystemName}
                      </Button>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} maw={260}>
                        {a.affected.map((x) => x.who).join('; ') || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Group gap={4}>
                        {a.impactAreas.map((x) => (
                          <Badge key={x.area} variant="light">
                            {impactAreaLabels[x.area]}
                          </Badge>
                        ))}
                      </Group>
                    </Table.Td>
                    <Table.Td>
                      {a.severity} × {a.likelihood}
                    </Table.Td>
                    <Table.Td>
                      {a.reviewer ? `${a.reviewer}, ${formatDate(a.reviewedOn)}` : '—'}
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm" lineClamp={2} maw={260}>
                        {a.outcome || '—'}
                      </Text>
                    </Table.Td>
                    <Table.Td>{a.riskRefs.join(', ') || '—'}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </Stack>
      )}
      {editing && (
        <ImpactAssessmentDrawer
          assessment={editing === 'new' ? null : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </>
  );
}
