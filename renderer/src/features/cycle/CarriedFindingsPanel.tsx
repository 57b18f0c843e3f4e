import { Anchor, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useEffect } from 'react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { formatDate } from '../../format';
import { href } from '../../router/hash-route';
import { useCycle } from '../../stores/cycle';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';
import type { FindingHeader } from '../corrective-actions/CorrectiveActionDrawer';

/**
 * Findings of earlier cycles still open when this one started. They keep their references and
 * their corrective actions; they are listed here, never raised again under new numbers.
 */
export function CarriedFindingsPanel({
  assessment,
  onAction,
}: {
  assessment: Assessment;
  /** Opens a carried finding's corrective action: this cycle is where it gets closed. */
  onAction?(finding: FindingHeader): void;
}) {
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
            {onAction && (
              <Button
                size="compact-xs"
                variant="light"
                ml="auto"
                style={{ flexShrink: 0 }}
                aria-label={`Corrective action for ${f.fromTitle} ${f.ref}`}
                onClick={() =>
                  onAction({
                    id: f.findingId,
                    ref: f.ref,
                    grade: f.grade,
                    statement: f.statement,
                    owner: f.owner,
                    closed: f.status === 'closed',
                    raisedIn: f.fromTitle,
                    requirementRef: f.requirementRef,
                  })
                }
              >
                Corrective action
              </Button>
            )}
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
