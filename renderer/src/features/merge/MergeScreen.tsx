import { Anchor, Group, Loader, Stack, Text } from '@mantine/core';
import { IconArrowLeft, IconGitMerge } from '@tabler/icons-react';
import { useEffect } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { href } from '../../router/hash-route';
import { useConflicts } from '../../stores/conflicts';
import { ConflictCard } from './ConflictCard';

/** The merge screen: every open conflict an exchange import left in this engagement. */
export function MergeScreen({ engagementId }: { engagementId: string }) {
  const { conflicts, status, error, load, resolve } = useConflicts();
  useEffect(() => {
    void load(engagementId);
  }, [engagementId, load]);
  return (
    <>
      <Anchor href={href('engagements', engagementId)} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> Back to the engagement
        </Group>
      </Anchor>
      <PageHeader
        title="Merge conflicts"
        subtitle="Where both sides changed the same thing since they last exchanged. Until you decide, your value stays."
      />
      {status === 'error' && error && (
        <ErrorAlert message={error} onRetry={() => void load(engagementId)} />
      )}
      {status === 'loading' && conflicts.length === 0 && (
        <Loader aria-label="Loading the conflicts" />
      )}
      {status === 'ready' && conflicts.length === 0 && (
        <EmptyState icon={<IconGitMerge size={28} />} title="Nothing to decide">
          Every change from the other side merged cleanly, or every conflict has been decided.
        </EmptyState>
      )}
      <Stack gap="md" maw={1200}>
        {conflicts.length > 0 && (
          <Text size="sm" role="status">
            {conflicts.length === 1
              ? 'One conflict to decide.'
              : `${conflicts.length} conflicts to decide.`}
          </Text>
        )}
        {conflicts.map((c) => (
          <ConflictCard key={c.id} conflict={c} onDecide={(decision) => resolve(c.id, decision)} />
        ))}
      </Stack>
    </>
  );
}
