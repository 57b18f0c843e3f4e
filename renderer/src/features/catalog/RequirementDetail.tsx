import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CatalogView, Requirement } from '../../../../shared/contracts/catalog';
import type { NodeKind } from '../../../../shared/catalog/format';
import { RelatedPanel } from '../crosswalks/RelatedPanel';
import { catalogHref } from './catalog-route';

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

const kindLabel: Record<NodeKind, string> = {
  clause: 'Clause',
  area: 'Area',
  objective: 'Objective',
  control: 'Control',
  chapter: 'Chapter',
  'chapter-section': 'Section',
  article: 'Article',
  annex: 'Annex',
  'annex-part': 'Part of an annex',
  function: 'Function',
  category: 'Category',
  subcategory: 'Subcategory',
  theme: 'Theme',
};

function badgeLabel(view: CatalogView, requirement: Requirement): string {
  if (view.framework.purpose === 'reference') return kindLabel[requirement.kind];
  if (requirement.kind === 'control') return 'Annex A control';
  return requirement.assessable ? 'Requirement' : 'Heading';
}

export function RequirementDetail({ view, requirement }: Props) {
  const g = requirement.guidance;
  const reference = view.framework.purpose === 'reference';
  const frameworkId = view.framework.id;
  const links = view.links.filter((l) => l.refs.includes(requirement.ref));
  const children = view.requirements.filter((r) => r.parentRef === requirement.ref);
  const href = (ref: string) => catalogHref(frameworkId, ref);
  return (
    <Paper withBorder p="lg" radius="md" aria-label={`Requirement ${requirement.ref}`}>
      <Stack gap="lg">
        <Stack gap={4}>
          <Group gap="xs">
            <Badge variant="light">{requirement.ref}</Badge>
            <Badge variant="outline" color="gray">
              {badgeLabel(view, requirement)}
            </Badge>
            {reference && (
              <Badge variant="light" color="gray" tt="none">
                Reference only, not assessed
              </Badge>
            )}
          </Group>
          {/* NIST's categories and subcategories use their whole text as the title. */}
          <Title order={requirement.title.length > 90 ? 4 : 3}>{requirement.title}</Title>
        </Stack>
        {!g && children.length > 0 && (
          <Section title="Contents">
            <Text c="dimmed">
              {reference
                ? `${view.framework.name} groups these entries under it:`
                : 'This is a heading; its requirements are assessed one by one:'}
            </Text>
            <List>
              {children.map((c) => (
                <List.Item key={c.ref}>
                  <a href={href(c.ref)}>
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
                      <a href={href(r)}>{r}</a>
                    </span>
                  ))}
                {' — '}
                {l.reason}
              </Text>
            ))}
          </Section>
        )}
        {(requirement.assessable || (reference && children.length === 0)) && (
          <RelatedPanel
            frameworkId={frameworkId}
            requirementRef={requirement.ref}
            linkFor={(id, ref) => catalogHref(id, ref)}
          />
        )}
      </Stack>
    </Paper>
  );
}
