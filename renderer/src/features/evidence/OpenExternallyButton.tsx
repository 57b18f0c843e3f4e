import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconExternalLink } from '@tabler/icons-react';
import { errorMessage } from '../../api/error-message';
import { openExternally } from '../../stores/evidence';

/** Desktop app only: opens a read-only copy with the system's application, warning first for runnable types. */
export function OpenExternallyButton({ id }: { id: string }) {
  const [busy, setBusy] = useState(false);

  async function open(confirmed: boolean) {
    setBusy(true);
    try {
      const result = await openExternally(id, confirmed);
      if (result.needsConfirmation) {
        modals.openConfirmModal({
          title: 'Open a file that may run as a program?',
          children: <Text size="sm">{result.reason}</Text>,
          labels: { confirm: 'Open anyway', cancel: 'Do not open' },
          confirmProps: { color: 'red' },
          onConfirm: () => void open(true),
        });
      }
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  return (
    <Button
      leftSection={<IconExternalLink size={16} />}
      variant="default"
      loading={busy}
      onClick={() => void open(false)}
    >
      Open with system app
    </Button>
  );
}
