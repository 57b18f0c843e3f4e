import { useEffect, type ReactNode } from 'react';
import { Loader, Paper, Select, Stack } from '@mantine/core';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { navigate } from '../../router/hash-route';
import { useEngagements } from '../../stores/engagements';

/**
 * The engagement a screen works on: the one its route names or, without one, the most recent.
 * Loads the engagements when the screen opens.
 */
export function useRouteEngagement(routeId: string | undefined): string | null {
  const first = useEngagements((s) => s.items[0]?.id ?? null);
  const load = useEngagements((s) => s.load);
  useEffect(() => {
    void load();
  }, [load]);
  return routeId ?? first;
}

interface Props {
  /** From `useRouteEngagement`. */
  chosen: string | null;
  /** The screen's route: picking another engagement opens the same screen for it. */
  route: string;
  emptyIcon: ReactNode;
  /** Why the screen needs an engagement, and where to create one. */
  empty: ReactNode;
  /** The screen itself, under the engagement picker. */
  children(engagementId: string): ReactNode;
}

/**
 * A screen of one engagement: until there is one to show, the list's failure (with a retry), its
 * loading or the empty state; then the engagement picker above the screen itself.
 */
export function EngagementGate({ chosen, route, emptyIcon, empty, children }: Props) {
  const { items, status, error, load } = useEngagements();
  if (status === 'error' && error)
    return <ErrorAlert message={error} onRetry={() => void load()} />;
  if (status !== 'ready') return <Loader aria-label="Loading engagements" />;
  if (items.length === 0 || !chosen)
    return (
      <Paper withBorder radius="md">
        <EmptyState icon={emptyIcon} title="No engagement yet">
          {empty}
        </EmptyState>
      </Paper>
    );
  return (
    <Stack gap="md">
      <Select
        label="Engagement"
        allowDeselect={false}
        data={items.map((e) => ({ value: e.id, label: e.clientName }))}
        value={chosen}
        onChange={(id) => id && navigate(route, id)}
        maw={420}
      />
      {children(chosen)}
    </Stack>
  );
}
