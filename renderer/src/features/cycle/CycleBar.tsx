import { useEffect, useState } from 'react';
import { Anchor, Button, Group, Text } from '@mantine/core';
import { IconArrowsDiff, IconRepeat } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { href } from '../../router/hash-route';
import { useCycle } from '../../stores/cycle';
import { StartNextModal } from './StartNextModal';

/**
 * The assessment's place in the yearly cycle, under the workspace's title: the one it follows,
 * the one that follows it, and on a final assessment the way to start the next.
 */
export function CycleBar({ assessment }: { assessment: Assessment }) {
  const { view, load } = useCycle();
  const [starting, setStarting] = useState(false);
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, assessment.status, assessment.updatedAt, load]);
  const mine = view?.assessmentId === assessment.id ? view : null;
  if (!mine) return null;
  const next = mine.next[0];
  const canStart = assessment.status === 'final' && !next;
  if (!mine.previous && !next && !canStart) return null;
  return (
    <Group gap="md" wrap="wrap" aria-label="Assessment cycle">
      {mine.previous && (
        <Text size="sm">
          Follows{' '}
          <Anchor href={href('assessments', mine.previous.id, 'interview')} size="sm">
            {mine.previous.title}
          </Anchor>
          {mine.pending > 0 && (
            <>
              {' · '}
              <Anchor href={href('assessments', assessment.id, 'settings')} size="sm" c="orange.9">
                {mine.pending} carried-over decision{mine.pending === 1 ? '' : 's'} to confirm
              </Anchor>
            </>
          )}
        </Text>
      )}
      {mine.previous && (
        <Button
          size="xs"
          variant="subtle"
          leftSection={<IconArrowsDiff size={14} />}
          component="a"
          href={href('compare', assessment.engagementId, mine.previous.id, assessment.id)}
        >
          What changed since {mine.previous.title}
        </Button>
      )}
      {next && (
        <Text size="sm">
          Followed by{' '}
          <Anchor href={href('assessments', next.id, 'interview')} size="sm">
            {next.title}
          </Anchor>
        </Text>
      )}
      {canStart && (
        <>
          <Button
            size="xs"
            leftSection={<IconRepeat size={14} />}
            onClick={() => setStarting(true)}
          >
            Start the next assessment
          </Button>
          <StartNextModal
            assessment={assessment}
            opened={starting}
            onClose={() => setStarting(false)}
          />
        </>
      )}
    </Group>
  );
}
