import { useEffect } from 'react';
import { Select } from '@mantine/core';
import { useEngagements } from '../../stores/engagements';
import { useRisks } from '../../stores/risks';
import { optionsWhenOpen } from './RegisterToolbar';

/** Picks the engagement the Risks screen works on; the last choice is remembered. */
export function EngagementSelect() {
  const { items, status, load } = useEngagements();
  const { engagementId, choose } = useRisks();
  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    if (status !== 'ready') return;
    const known = items.some((e) => e.id === engagementId);
    if (!known) void choose(items[0]?.id ?? null);
    else if (useRisks.getState().status === 'idle') void choose(engagementId);
  }, [status, items, engagementId, choose]);
  return (
    <Select
      comboboxProps={optionsWhenOpen}
      label="Engagement"
      w={320}
      data={items.map((e) => ({ value: e.id, label: e.clientName }))}
      value={engagementId}
      onChange={(value) => void choose(value)}
      allowDeselect={false}
      searchable
      nothingFoundMessage="No engagement matches"
      placeholder={items.length === 0 ? 'No engagements yet' : 'Choose an engagement'}
    />
  );
}
