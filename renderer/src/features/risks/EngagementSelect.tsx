import { useEffect } from 'react';
import { Select } from '@mantine/core';
import { useEngagements } from '../../stores/engagements';
import { useRisks } from '../../stores/risks';
import { optionsWhenOpen } from './RegisterToolbar';

/** Picks the engagement the Risks screen works on; the last choice is remembered. */
export function EngagementSelect() {
  const { items, status, load } = useEngagements();
  const { engagementId, choose, openRemembered, status: registerStatus } = useRisks();
  useEffect(() => {
    // The remembered engagement's register is read while the engagements are.
    void openRemembered();
    void load();
  }, [load, openRemembered]);
  useEffect(() => {
    if (status !== 'ready') return;
    const known = items.some((e) => e.id === engagementId);
    if (!known) void choose(items[0]?.id ?? null);
    else if (registerStatus === 'idle') void choose(engagementId);
  }, [status, items, engagementId, choose, registerStatus]);
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
