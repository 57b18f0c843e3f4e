import { Anchor, Badge, Group, List, Paper, Stack, Text, Title } from '@mantine/core';
import type { ReadinessView } from '../../../../shared/contracts/readiness';
import { auditStageLabels } from '../../../../shared/catalog/guidance';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { toldBlockers } from '../../../../shared/rules/stages';
import { fixLink, verdictColours } from './verdict-style';

const stageNames = { 1: 'Stage 1: documentation review', 2: 'Stage 2: on-site audit' } as const;

/** One certification audit stage: could it pass, and what blocks it. */
export function StageCard({
  assessmentId,
  stage,
}: {
  assessmentId: string;
  stage: ReadinessView['stages'][number];
}) {
  const name = stageNames[stage.stage];
  return (
    <Paper withBorder p="md" radius="md" h="100%" component="section" aria-label={name}>
      <Stack gap="xs">
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Stack gap={0}>
            <Title order={4}>{name}</Title>
            <Text size="xs" c="dimmed">
              {auditStageLabels[stage.stage]}
            </Text>
          </Stack>
          <Badge
            size="lg"
            color={verdictColours[stage.verdict]}
            data-stage-verdict={stage.verdict}
            style={{ flexShrink: 0 }}
          >
            {verdictLabels[stage.verdict]}
          </Badge>
        </Group>
        <Text size="sm">{stage.note}</Text>
        {stage.blockers.length > 0 && (
          <List size="sm" spacing={6} aria-label={`What blocks ${name}`}>
            {toldBlockers(stage.blockers).map((b, i) => {
              const fix = fixLink(assessmentId, b.gate, b);
              return (
                <List.Item key={`${b.gate}-${i}`}>
                  {b.reason}{' '}
                  <Anchor href={fix.href} size="sm">
                    {fix.label}
                  </Anchor>
                </List.Item>
              );
            })}
          </List>
        )}
      </Stack>
    </Paper>
  );
}
