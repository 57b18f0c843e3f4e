import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CatalogView, Requirement } from '../../../../shared/contracts/catalog';

interface Props {
  view: CatalogView;
  requirement: Requirement;
  onOpenRef(ref: string): void;
}

/** Our guidance for the requirement on screen: what it asks, what to ask, what good looks like. */
export function GuidancePanel({ view, requirement, onOpenRef }: Props) {
  const g = requirement.guidance;
  if (!g) return null;
  const links = view.links.filter((l) => l.refs.includes(requirement.ref));
  return (
    <Paper withBorder p="md" radius="md" aria-label="Guidance">
      <Stack gap="md">
        <Text>{g.intent}</Text>
        <Stack gap={6}>
          <Title order={5}>Ask</Title>
          <List type="ordered" spacing="xs">
            {g.questions.map((q) => (
              <List.Item key={q.text}>
                <Text size="sm">{q.text}</Text>
                {q.probe && (
                  <Text size="xs" c="dimmed">
                    Probe: {q.probe}
                  </Text>
                )}
              </List.Item>
            ))}
          </List>
        </Stack>
        <Stack gap={6}>
          <Title order={5}>Good looks like</Title>
          <List spacing={2} size="sm">
            {g.goodPractice.map((p) => (
              <List.Item key={p}>{p}</List.Item>
            ))}
          </List>
        </Stack>
        <Stack gap={6}>
          <Title order={5}>Request</Title>
          <Group gap={6}>
            {g.evidence.map((e) => (
              <Badge key={e} variant="light" color="teal" tt="none">
                {view.vocabulary.evidence[e] ?? e}
              </Badge>
            ))}
          </Group>
          <Group gap={6}>
            <Text size="xs" c="dimmed">
              Ask:
            </Text>
            {g.roles.map((r) => (
              <Badge key={r} variant="outline" color="grape" tt="none" size="sm">
                {view.vocabulary.roles[r] ?? r}
              </Badge>
            ))}
          </Group>
        </Stack>
        {g.pitfalls.length > 0 && (
          <Stack gap={6}>
            <Title order={5}>Often missing</Title>
            <List spacing={2} size="sm">
              {g.pitfalls.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Stack>
        )}
        {links.length > 0 && (
          <Stack gap={4}>
            <Title order={5}>Assess together with</Title>
            {links.map((l) => (
              <Text key={l.topic} size="sm">
                {l.refs
                  .filter((r) => r !== requirement.ref)
                  .map((r, i) => (
                    <span key={r}>
                      {i > 0 && ', '}
                      <Text
                        span
                        c="blue.7"
                        style={{ cursor: 'pointer' }}
                        onClick={() => onOpenRef(r)}
                        role="link"
                        tabIndex={0}
                        onKeyDown={(e) => e.key === 'Enter' && onOpenRef(r)}
                      >
                        {r}
                      </Text>
                    </span>
                  ))}
                {' — '}
                <Text span size="sm" c="dimmed">
                  {l.reason}
                </Text>
              </Text>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
