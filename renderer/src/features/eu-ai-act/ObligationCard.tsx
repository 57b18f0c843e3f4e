import { Anchor, Badge, Group, Paper, Stack, Table, Text, Title, Tooltip } from '@mantine/core';
import type { ObligationView } from '../../../../shared/contracts/eu-ai-act';
import { resultLabels } from '../../../../shared/domain/assessment';
import { href } from '../../router/hash-route';
import { resultColours } from '../interview/result-style';
import { catalogHref } from '../catalog/catalog-route';
import { RelationBadge } from '../crosswalks/RelationBadge';
import { EU_AI_ACT_FRAMEWORK } from './EuAiActFields';

interface Props {
  assessmentId: string;
  obligation: ObligationView;
}

/** One obligation: where it lives, which systems carry it, what 42001 gives and what it does not. */
export function ObligationCard({ assessmentId, obligation: o }: Props) {
  const conditions = [...new Set(o.systems.flatMap((s) => (s.condition ? [s.condition] : [])))];
  return (
    <Paper withBorder p="md" radius="md" aria-label={`Obligation: ${o.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Stack gap={2}>
            <Title order={4}>{o.title}</Title>
            <Group gap={6}>
              {o.articles.map((a) => (
                <Tooltip key={a.ref} label={a.title}>
                  <Anchor href={catalogHref(EU_AI_ACT_FRAMEWORK, a.ref)} size="sm">
                    {a.ref}
                  </Anchor>
                </Tooltip>
              ))}
              <Text size="sm" c="dimmed">
                · {o.systems.map((s) => s.name).join(', ')}
              </Text>
            </Group>
          </Stack>
          <Badge color={o.coverage === 'partial' ? 'blue' : 'orange'} variant="light" tt="none">
            {o.coverage === 'partial' ? '42001 covers part' : 'Not covered by 42001'}
          </Badge>
        </Group>
        <Text size="sm">{o.summary}</Text>
        {conditions.map((c) => (
          <Text key={c} size="sm" c="dimmed" fs="italic">
            {c}
          </Text>
        ))}
        <Text size="sm">
          <Text span fw={600}>
            Beyond ISO/IEC 42001:{' '}
          </Text>
          {o.beyond42001}
        </Text>
        {o.supporting.length === 0 ? (
          <Text size="sm" c="dimmed">
            No ISO/IEC 42001 requirement relates to it in our crosswalk.
          </Text>
        ) : (
          <Table
            verticalSpacing={4}
            fz="sm"
            aria-label={`ISO/IEC 42001 requirements supporting ${o.title}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={80}>42001</Table.Th>
                <Table.Th>Requirement and why it helps</Table.Th>
                <Table.Th w={110}>Relation</Table.Th>
                <Table.Th w={170}>Assessment</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {o.supporting.map((r) => (
                <Table.Tr key={r.ref}>
                  <Table.Td>
                    {r.inScope ? (
                      <Anchor href={href('assessments', assessmentId, 'interview', r.ref)}>
                        {r.ref}
                      </Anchor>
                    ) : (
                      r.ref
                    )}
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm">{r.title}</Text>
                    <Text size="xs" c="dimmed">
                      {o.articles.length > 1 ? `${r.article}: ` : ''}
                      {r.rationale}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RelationBadge relation={r.relation} />
                  </Table.Td>
                  <Table.Td>
                    <Badge
                      variant={r.inScope ? 'light' : 'outline'}
                      color={r.inScope ? resultColours[r.result] : 'gray'}
                      tt="none"
                    >
                      {r.inScope ? resultLabels[r.result] : 'Out of scope'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Stack>
    </Paper>
  );
}
