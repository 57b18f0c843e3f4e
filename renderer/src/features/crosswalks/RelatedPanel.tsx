import { useEffect, useMemo } from 'react';
import { Anchor, Badge, Group, Loader, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import type { RelatedItem, UnmatchedItem } from '../../../../shared/contracts/crosswalks';
import { useCrosswalks } from '../../stores/crosswalks';
import { useCatalog } from '../../stores/catalog';
import { confidenceLabel, confidenceRank, relationRank } from './labels';
import { RelationBadge } from './RelationBadge';

interface Props {
  /** The framework of the requirement or entry on screen. */
  frameworkId: string;
  requirementRef: string;
  /** Where a related entry links to; without it entries are plain text (the interview stays put). */
  linkFor?(frameworkId: string, ref: string): string;
}

interface Group {
  frameworkId: string;
  items: { ref: string; title: string; row: RelatedItem }[];
  unmatched: UnmatchedItem | undefined;
}

const byStrength = (a: RelatedItem, b: RelatedItem) =>
  relationRank[a.relation] - relationRank[b.relation] ||
  confidenceRank[a.confidence] - confidenceRank[b.confidence];

/**
 * What other frameworks say about the requirement on screen, from our crosswalks: for an
 * ISO/IEC 42001 requirement its EU AI Act articles, NIST AI RMF subcategories and ISO/IEC 27001
 * clauses and controls; for an entry of a reference catalog the 42001 requirements related to it.
 * Each with the relation, our confidence and our one-line rationale.
 */
export function RelatedPanel({ frameworkId, requirementRef, linkFor }: Props) {
  const view = useCrosswalks((s) => s.views[frameworkId]);
  const error = useCrosswalks((s) => s.errors[frameworkId]);
  const load = useCrosswalks((s) => s.load);
  const frameworks = useCatalog((s) => s.frameworks);
  useEffect(() => {
    void load(frameworkId);
  }, [load, frameworkId]);

  const groups = useMemo<Group[]>(() => {
    if (!view) return [];
    const map = new Map<string, Group>();
    const group = (id: string) => {
      const found = map.get(id) ?? { frameworkId: id, items: [], unmatched: undefined };
      map.set(id, found);
      return found;
    };
    for (const row of [...view.rows].sort(byStrength)) {
      if (row.fromFramework === frameworkId && row.from === requirementRef)
        group(row.toFramework).items.push({ ref: row.to, title: row.toTitle, row });
      else if (row.toFramework === frameworkId && row.to === requirementRef)
        group(row.fromFramework).items.push({ ref: row.from, title: row.fromTitle, row });
    }
    for (const u of view.unmatched)
      if (u.fromFramework === frameworkId && u.from === requirementRef)
        group(u.toFramework).unmatched = u;
    const order = (id: string) => {
      const i = frameworks.findIndex((f) => f.id === id);
      return i < 0 ? frameworks.length : i;
    };
    return [...map.values()].sort((a, b) => order(a.frameworkId) - order(b.frameworkId));
  }, [view, frameworkId, requirementRef, frameworks]);

  const nameOf = (id: string) => frameworks.find((f) => f.id === id)?.name ?? id;
  // A framework no crosswalk touches (a custom catalog copy) gets no panel rather than an empty one.
  if (view && view.rows.length === 0 && view.unmatched.length === 0) return null;

  return (
    <Paper withBorder p="md" radius="md" aria-label="Related in other frameworks">
      <Stack gap="sm">
        <Title order={5}>Related in other frameworks</Title>
        {error && (
          <Text size="sm" c="red.8" role="alert">
            The crosswalks could not be loaded: {error}
          </Text>
        )}
        {!view && !error && <Loader size="sm" aria-label="Loading related requirements" />}
        {view && groups.length === 0 && (
          <Text size="sm" c="dimmed">
            Our crosswalks relate nothing to {requirementRef}.
          </Text>
        )}
        {groups.map((g) => (
          <Stack key={g.frameworkId} gap={6} aria-label={`Related in ${nameOf(g.frameworkId)}`}>
            <Text size="sm" fw={700}>
              {nameOf(g.frameworkId)}
            </Text>
            {g.items.map(({ ref, title, row }) => (
              <Stack key={`${row.from}→${row.to}`} gap={2}>
                <Group gap={6} wrap="nowrap" align="flex-start">
                  <Badge variant="light" color="indigo" tt="none">
                    {ref}
                  </Badge>
                  <Text size="sm" style={{ flex: 1 }} lineClamp={2}>
                    {linkFor ? <Anchor href={linkFor(g.frameworkId, ref)}>{title}</Anchor> : title}
                  </Text>
                  <RelationBadge relation={row.relation} />
                  <Badge variant="outline" color="gray" tt="none">
                    {confidenceLabel[row.confidence]}
                  </Badge>
                </Group>
                <Text size="xs" c="dimmed">
                  {row.rationale}
                </Text>
                {row.source.kind === 'published' && (
                  <Tooltip label={row.source.citation} multiline w={420}>
                    <Text size="xs" c="dimmed" fs="italic" tabIndex={0}>
                      From a published crosswalk, where it reads “{row.source.refAsPublished}”
                      {row.source.rowFullyRead ? '' : ' (only part of that row was readable)'}.
                    </Text>
                  </Tooltip>
                )}
              </Stack>
            ))}
            {g.unmatched && (
              <Text size="xs" c="dimmed">
                Nothing related: {g.unmatched.rationale}
              </Text>
            )}
          </Stack>
        ))}
      </Stack>
    </Paper>
  );
}
