import { Button } from '@mantine/core';
import { IconGitMerge } from '@tabler/icons-react';
import { useEffect } from 'react';
import { href } from '../../router/hash-route';
import { useConflicts } from '../../stores/conflicts';

/** On the engagement screen: how many merge conflicts wait, linking to the merge screen. */
export function ConflictsBadge({ engagementId }: { engagementId: string }) {
  const { conflicts, engagementId: loaded, load } = useConflicts();
  useEffect(() => {
    void load(engagementId);
  }, [engagementId, load]);
  const open = loaded === engagementId ? conflicts.length : 0;
  if (open === 0) return null;
  return (
    <Button
      component="a"
      href={href('merge', engagementId)}
      color="orange"
      variant="light"
      leftSection={<IconGitMerge size={16} />}
    >
      {open === 1 ? '1 open conflict' : `${open} open conflicts`}
    </Button>
  );
}
