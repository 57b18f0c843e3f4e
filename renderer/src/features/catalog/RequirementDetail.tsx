import { Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { CatalogView, Requirement } from '../../../../shared/contracts/catalog';
import type { NodeKind } from '../../../../shared/catalog/format';
import { RelatedPanel } from '../crosswalks/RelatedPanel';
import { catalogHref } from './catalog-route';
import { GuidanceBody } from './guidance/GuidanceBody';

interface Props {
  view: CatalogView;
  requirement: Requirement;
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
  const reference = view.framework.purpose === 'reference';
  const frameworkId = view.framework.id;
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
        {!requirement.guidance && children.length > 0 && (
          <Stack gap={6}>
            <Title order={5}>Contents</Title>
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
          </Stack>
        )}
        <GuidanceBody
          view={view}
          requirement={requirement}
          renderRef={(ref) => <a href={href(ref)}>{ref}</a>}
        />
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
