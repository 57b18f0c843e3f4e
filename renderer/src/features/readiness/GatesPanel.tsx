import { Badge, Group, List, Paper, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import type { ReadinessView } from '../../../../shared/contracts/readiness';

/** Every gate before "ready": what must hold, why, whether it holds, and which stages it blocks. */
export function GatesPanel({ data }: { data: ReadinessView }) {
  const failing = data.gates.filter((g) => !g.passed).length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Gates before ready">
      <Group justify="space-between" mb="sm">
        <Title order={4}>Gates before “ready”</Title>
        <Text size="sm" c="dimmed">
          {failing === 0 ? 'All pass' : `${failing} of ${data.gates.length} fail`}
        </Text>
      </Group>
      <Stack gap="sm">
        {data.gates.map((gate) => {
          const stages = [...new Set(gate.blockers.flatMap((b) => b.stages))].sort();
          return (
            <Group
              key={gate.id}
              wrap="nowrap"
              align="flex-start"
              gap="sm"
              data-gate={gate.id}
              data-passed={gate.passed}
            >
              <ThemeIcon
                color={gate.passed ? 'green' : 'red'}
                variant="light"
                radius="xl"
                size="md"
                role="img"
                aria-label={gate.passed ? 'Passes' : 'Fails'}
              >
                {gate.passed ? <IconCheck size={16} /> : <IconX size={16} />}
              </ThemeIcon>
              <Stack gap={2} style={{ flex: 1 }}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {gate.label}
                  </Text>
                  {stages.map((s) => (
                    <Badge key={s} size="xs" variant="outline" color="red">
                      Blocks stage {s}
                    </Badge>
                  ))}
                </Group>
                <Text size="xs" c="dimmed">
                  {gate.rule}
                </Text>
                {gate.id === 'audit-and-review' && data.cycle.length > 0 && (
                  <Text size="xs" c="dimmed">
                    On record:{' '}
                    {data.cycle
                      .map((c) => `${c.label} (${c.completed ? 'held' : 'not in place'})`)
                      .join(', ')}
                  </Text>
                )}
                {gate.blockers.length > 0 && (
                  <List size="sm" spacing={2}>
                    {gate.blockers.map((b, i) => (
                      <List.Item key={i}>{b.reason}</List.Item>
                    ))}
                  </List>
                )}
              </Stack>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
