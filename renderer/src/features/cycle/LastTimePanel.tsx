import { useEffect, useState } from 'react';
import { Anchor, Badge, Group, Paper, Stack, Text, Title } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { LastTime } from '../../../../shared/contracts/cycle';
import { resultLabels } from '../../../../shared/domain/assessment';
import { needsAttention } from '../../../../shared/rules/evidence-freshness';
import { errorMessage } from '../../api/error-message';
import { formatDate } from '../../format';
import { href } from '../../router/hash-route';
import { fetchLastTime } from '../../stores/cycle';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';
import { resultColours } from '../interview/result-style';
import { ageText, FreshnessBadge } from './FreshnessBadge';

/**
 * "Last time" beside the answer: what last cycle recorded for this requirement, read-only. It is
 * never copied into this cycle's answer; the consultant judges afresh and can see what changed.
 * Below it, the evidence already linked here with its age and expiry.
 */
export function LastTimePanel({
  assessment,
  requirementId,
  requirementRef,
}: {
  assessment: Assessment;
  requirementId: string;
  requirementRef: string;
}) {
  const [shown, setShown] = useState<{ key: string; data: LastTime } | null>(null);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  const key = `${assessment.id}:${requirementId}`;
  useEffect(() => {
    let live = true;
    fetchLastTime(assessment.id, requirementId)
      .then((data) => live && setShown({ key, data }))
      .catch((e: unknown) => live && setFailed({ key, message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [assessment.id, requirementId, key]);
  if (failed?.key === key) {
    return (
      <Text size="sm" c="red.8" role="alert">
        Last cycle&apos;s answer could not be read: {failed.message}
      </Text>
    );
  }
  const data = shown?.key === key ? shown.data : null;
  if (!data) return null;
  const attention = data.evidence.filter((e) => needsAttention(e.freshness));
  return (
    <>
      {data.previous && (
        <Paper withBorder p="md" radius="md" bg="gray.0" component="section" aria-label="Last time">
          <Group justify="space-between" mb={4}>
            <Title order={5}>Last time</Title>
            <Anchor
              href={href('assessments', data.previous.id, 'interview', requirementRef)}
              size="xs"
            >
              {data.previous.title}
            </Anchor>
          </Group>
          {data.response ? (
            <Stack gap={4}>
              <Group gap="xs">
                <Badge color={resultColours[data.response.result]} variant="outline" tt="none">
                  {resultLabels[data.response.result]}
                </Badge>
                {data.response.maturity !== null && (
                  <Text size="xs">Maturity {data.response.maturity}</Text>
                )}
                <Text size="xs" c="dimmed">
                  {data.response.updatedBy}, {formatDate(data.response.updatedAt)}
                </Text>
              </Group>
              {data.response.notes && (
                <Text size="sm" style={{ whiteSpace: 'pre-wrap' }} lineClamp={6}>
                  {data.response.notes}
                </Text>
              )}
              {data.response.naJustification && (
                <Text size="sm">Not applicable because: {data.response.naJustification}</Text>
              )}
              {data.response.interviewees.length > 0 && (
                <Text size="xs" c="dimmed">
                  Interviewed: {data.response.interviewees.join(', ')}
                </Text>
              )}
            </Stack>
          ) : (
            <Text size="sm" c="dimmed">
              Not answered in {data.previous.title}.
            </Text>
          )}
          {data.findings.map((f) => (
            <Stack key={f.id} gap={2} mt={8}>
              <Group gap={6}>
                <Text size="sm" fw={600}>
                  {f.ref}
                </Text>
                <GradeBadge grade={f.grade} />
                <FindingStatusBadge status={f.status} />
              </Group>
              <Text size="sm" lineClamp={3}>
                {f.statement}
              </Text>
            </Stack>
          ))}
        </Paper>
      )}
      {attention.length > 0 && (
        <Paper
          withBorder
          p="md"
          radius="md"
          component="section"
          aria-label="Evidence to look at again"
        >
          <Title order={5} mb={4}>
            Evidence to look at again
          </Title>
          <Stack gap={4}>
            {attention.map((e) => (
              <Group key={e.id} gap="xs" wrap="nowrap" align="flex-start">
                <FreshnessBadge state={e.freshness} reason={e.reason} />
                <Text size="sm">
                  {e.title}{' '}
                  <Text span size="xs" c="dimmed">
                    — {e.reason}; {ageText(e.ageDays)}
                  </Text>
                </Text>
              </Group>
            ))}
          </Stack>
        </Paper>
      )}
    </>
  );
}
