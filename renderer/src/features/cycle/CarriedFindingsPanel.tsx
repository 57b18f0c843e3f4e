import { Anchor, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { formatDate } from '../../format';
import { href } from '../../router/hash-route';
import { useCycle } from '../../stores/cycle';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';

/**
 * Findings of earlier cycles still open when this one started. They keep their references and
 * their corrective actions; they are listed here, never raised again under new numbers.
 */
export function CarriedFindingsPanel({ assessment }: { assessment: Assessment }) {
  const { view, load } = useCycle();
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);
  const mine = view?.assessmentId === assessment.id ? view : null;
  if (!mine || mine.carriedFindings.length === 0) return null;
  const open = mine.carriedFindings.filter((f) => f.status !== 'closed').length;
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Carried-over findings">
      <Title order={4}>Still open from earlier cycles</Title>
      <Text size="sm" c="dimmed" mb="xs">
        {open} of {mine.carriedFindings.length} still open. They close through their corrective
        action, in the cycle that raised them.
      </Text>
      <Stack gap={6}>
        {mine.carriedFindings.map((f) => (
          <Group key={f.findingId} gap="xs" wrap="nowrap" align="flex-start">
            <GradeBadge grade={f.grade} />
            <FindingStatusBadge status={f.status} />
            <Text size="sm">
              <Anchor href={href('assessments', f.fromAssessmentId, 'findings')} fw={600} size="sm">
                {f.fromTitle} {f.ref}
              </Anchor>{' '}
              ({f.requirementRef}) {f.statement}
              {f.closedAt && (
                <Text span size="xs" c="dimmed">
                  {' '}
                  — closed {formatDate(f.closedAt)}
                </Text>
              )}
            </Text>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
