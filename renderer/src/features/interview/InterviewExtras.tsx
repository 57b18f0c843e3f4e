import { useEffect } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { useFindings } from '../../stores/findings';
import { href } from '../../router/hash-route';
import { RaiseFindingButton } from '../findings/RaiseFindingButton';
import { GradeBadge } from '../findings/GradeBadge';
import { RequirementEvidencePanel } from '../evidence/RequirementEvidencePanel';

/** Findings raised against the requirement on screen, and the evidence attached to it. */
export function InterviewExtras({
  assessment,
  requirement,
}: {
  assessment: Assessment;
  requirement: Requirement;
}) {
  const { items, load } = useFindings();
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);
  const mine = items.filter((f) => f.requirementId === requirement.id);
  return (
    <Stack gap="sm">
      <Paper withBorder p="md" radius="md" aria-label="Findings for this requirement">
        <Group justify="space-between" mb={mine.length > 0 ? 'xs' : 0}>
          <Title order={5}>Findings</Title>
          <RaiseFindingButton assessment={assessment} requirementId={requirement.id} size="xs" />
        </Group>
        {mine.length === 0 && (
          <Text size="sm" c="dimmed">
            None raised against {requirement.ref}.
          </Text>
        )}
        {mine.map((f) => (
          <Group key={f.id} gap="xs" wrap="nowrap" align="flex-start">
            <GradeBadge grade={f.grade} />
            <Text size="sm" lineClamp={2}>
              <Anchor href={href('assessments', assessment.id, 'findings')} size="sm" fw={600}>
                {f.ref}
              </Anchor>{' '}
              {f.statement}
            </Text>
          </Group>
        ))}
      </Paper>
      <RequirementEvidencePanel
        engagementId={assessment.engagementId}
        requirementId={requirement.id}
      />
    </Stack>
  );
}
