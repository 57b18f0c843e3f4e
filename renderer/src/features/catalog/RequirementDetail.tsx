import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CatalogView, Requirement } from '../../../../shared/contracts/catalog';
import { href } from '../../router/hash-route';

interface Props {
  view: CatalogView;
  requirement: Requirement;
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Stack gap={6}>
      <Title order={5}>{title}</Title>
      {children}
    </Stack>
  );
}

export function RequirementDetail({ view, requirement }: Props) {
  const g = requirement.guidance;
  const links = view.links.filter((l) => l.refs.includes(requirement.ref));
  const children = view.requirements.filter((r) => r.parentRef === requirement.ref);
  return (
    <Paper withBorder p="lg" radius="md" aria-label={`Requirement ${requirement.ref}`}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light">{requirement.ref}</Badge>
            <Badge variant="outline" color="gray">
              {requirement.kind === 'control'
                ? 'Annex A control'
                : requirement.assessable
                  ? 'Requirement'
                  : 'Heading'}
            </Badge>
          </Group>
          <Title order={3}>{requirement.title}</Title>
        </Stack>
        {!g && (
          <Section title="Contents">
            <Text c="dimmed">This is a heading; its requirements are assessed one by one:</Text>
            <List>
              {children.map((c) => (
                <List.Item key={c.ref}>
                  <a href={href('catalog', c.ref)}>
                    {c.ref} {c.title}
                  </a>
                </List.Item>
              ))}
            </List>
          </Section>
        )}
        {g && (
          <>
            <Section title="What it asks for">
              <Text>{g.intent}</Text>
            </Section>
            <Section title="Questions to ask">
              <List type="ordered" spacing="sm">
                {g.questions.map((q) => (
                  <List.Item key={q.text}>
                    <Text>{q.text}</Text>
                    {q.probe && (
                      <Text size="sm" c="dimmed">
                        Probe: {q.probe}
                      </Text>
                    )}
                  </List.Item>
                ))}
              </List>
            </Section>
            <Section title="What good looks like">
              <List spacing={4}>
                {g.goodPractice.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Section>
            <Section title="Evidence to request">
              <Group gap={6}>
                {g.evidence.map((e) => (
                  <Badge key={e} variant="light" color="teal" tt="none">
                    {view.vocabulary.evidence[e] ?? e}
                  </Badge>
                ))}
              </Group>
            </Section>
            <Section title="Who to ask">
              <Group gap={6}>
                {g.roles.map((r) => (
                  <Badge key={r} variant="light" color="grape" tt="none">
                    {view.vocabulary.roles[r] ?? r}
                  </Badge>
                ))}
              </Group>
            </Section>
            {g.pitfalls.length > 0 && (
              <Section title="Gaps often found">
                <List spacing={4}>
                  {g.pitfalls.map((p) => (
                    <List.Item key={p}>{p}</List.Item>
                  ))}
                </List>
              </Section>
            )}
          </>
        )}
        {links.length > 0 && (
          <Section title="Assess together with">
            {links.map((l) => (
              <Text key={l.topic} size="sm">
                {l.refs
                  .filter((r) => r !== requirement.ref)
                  .map((r, i) => (
                    <span key={r}>
                      {i > 0 && ', '}
                      <a href={href('catalog', r)}>{r}</a>
                    </span>
                  ))}
                {' — '}
                {l.reason}
              </Text>
            ))}
          </Section>
        )}
      </Stack>
    </Paper>
  );
}
