import { useEffect } from 'react';
import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { useFindings } from '../../stores/findings';
import { useInterview } from '../../stores/interview';
import { href } from '../../router/hash-route';
import { RaiseFindingButton } from '../findings/RaiseFindingButton';
import { GradeBadge } from '../findings/GradeBadge';
import { RequirementEvidencePanel } from '../evidence/RequirementEvidencePanel';
import { RequirementConsistency } from '../readiness/ConsistencyNotes';
import { LastTimePanel } from '../cycle/LastTimePanel';

/**
 * What else the records say about the requirement on screen: contradictions with the SoA or the
 * risk register, findings raised against it, and the evidence attached to it.
 */
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
  // Checked again each time the answer here is saved: the SoA may now disagree with it.
  const saved = useInterview((s) => s.saved[requirement.id]?.updatedAt ?? '');
  return (
    <Stack gap="sm">
      <RequirementConsistency
        assessmentId={assessment.id}
        requirementRef={requirement.ref}
        version={saved}
      />
      <LastTimePanel
        assessment={assessment}
        requirementId={requirement.id}
        requirementRef={requirement.ref}
      />
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
