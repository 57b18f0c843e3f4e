import { useEffect, useState } from 'react';
import { Badge, Button, Group, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { errorMessage } from '../../api/error-message';
import { useCycle } from '../../stores/cycle';
import { useSoa } from '../../stores/soa';
import { carriedStateColours, carriedStateLabels } from './labels';

/**
 * Beside an SoA row: "Carried over, confirm" while last cycle's decision waits for a person.
 * Saving the row decides it anew, so the note follows the SoA list as it changes.
 */
export function CarriedSoaNote({
  assessmentId,
  requirementId,
  readOnly,
}: {
  assessmentId: string;
  requirementId: string;
  readOnly: boolean;
}) {
  const view = useCycle((s) => (s.view?.assessmentId === assessmentId ? s.view : null));
  const confirm = useCycle((s) => s.confirm);
  const [busy, setBusy] = useState(false);
  const item = view?.carried.find((c) => c.kind === 'soa' && c.key === requirementId);
  if (!item || item.state !== 'pending') return null;
  const onConfirm = async () => {
    setBusy(true);
    try {
      await confirm(assessmentId, [{ kind: 'soa', key: requirementId }]);
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Group gap="xs" mb={-4}>
      <Badge color={carriedStateColours.pending} variant="light" tt="none">
        {carriedStateLabels.pending}
      </Badge>
      <Text size="xs" c="dimmed">
        Last cycle&apos;s decision, recorded here until you confirm it or decide it anew.
      </Text>
      {!readOnly && (
        <Button size="compact-xs" variant="default" loading={busy} onClick={() => void onConfirm()}>
          Confirm as it is
        </Button>
      )}
    </Group>
  );
}

/** Keeps the cycle view in step with the SoA on screen (a saved row may settle a carried one). */
export function useCycleFollowsSoa(assessmentId: string): void {
  const rows = useSoa((s) => (s.assessmentId === assessmentId ? s.rows : null));
  const load = useCycle((s) => s.load);
  useEffect(() => {
    void load(assessmentId);
  }, [assessmentId, rows, load]);
}
