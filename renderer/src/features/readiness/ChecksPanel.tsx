import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReadinessView } from '../../../../shared/contracts/readiness';
import { consistencyCheckIds, consistencyCheckLabels } from '../../../../shared/rules/consistency';

/** How many findings of one check are listed before "and N more". */
const SHOWN = 8;

/** The consistency checks of the assessment, grouped by check, most structural first. */
export function ChecksPanel({ checks }: { checks: ReadinessView['checks'] }) {
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      h="100%"
      component="section"
      aria-label="Consistency checks"
    >
      <Title order={4} mb="xs">
        Consistency checks
      </Title>
      {checks.length === 0 ? (
        <Text size="sm" c="dimmed">
          The SoA, the answers, the risk register and the AI systems agree with each other.
        </Text>
      ) : (
        <Stack gap="sm">
          {consistencyCheckIds.map((id) => {
            const found = checks.filter((c) => c.check === id);
            if (found.length === 0) return null;
            return (
              <Stack key={id} gap={4} data-check={id}>
                <Group gap="xs">
                  <Text size="sm" fw={600}>
                    {consistencyCheckLabels[id]}
                  </Text>
                  <Badge size="sm" color="orange" variant="light">
                    {found.length}
                  </Badge>
                </Group>
                <List size="sm" spacing={2}>
                  {found.slice(0, SHOWN).map((f, i) => (
                    <List.Item key={i}>{f.message}</List.Item>
                  ))}
                </List>
                {found.length > SHOWN && (
                  <Text size="xs" c="dimmed">
                    … and {found.length - SHOWN} more (all are in the report).
                  </Text>
                )}
              </Stack>
            );
          })}
        </Stack>
      )}
    </Paper>
  );
}
