import { Button, Group } from '@mantine/core';
import type { ReactNode } from 'react';

/** The buttons under an export or import: Cancel while it runs, Close otherwise, then the actions. */
export function TaskFooter({
  running,
  onCancel,
  onClose,
  children,
}: {
  running: boolean;
  onCancel(): void;
  onClose(): void;
  children: ReactNode;
}) {
  return (
    <Group justify="flex-end">
      {running ? (
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
      ) : (
        <Button variant="default" onClick={onClose}>
          Close
        </Button>
      )}
      {children}
    </Group>
  );
}
