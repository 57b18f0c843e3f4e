import type { FormEvent, ReactNode } from 'react';
import { Drawer, Stack, type DrawerProps } from '@mantine/core';
import { ErrorAlert } from './ErrorAlert';

interface Props {
  title: string;
  onClose(): void;
  onSubmit(e: FormEvent): Promise<void>;
  /** The last save's error, shown above the fields so a screen reader hears it first. */
  failure: string | null;
  size?: DrawerProps['size'];
  children: ReactNode;
}

/**
 * The right-hand drawer every record editor uses: one form (the browser's own validation off, ours
 * speaks instead), its error on top, fields stacked. One shell, so every editor behaves alike.
 */
export function FormDrawer({ title, onClose, onSubmit, failure, size = 'xl', children }: Props) {
  return (
    <Drawer opened onClose={onClose} position="right" size={size} title={title}>
      <form onSubmit={(e) => void onSubmit(e)} noValidate>
        <Stack>
          {failure && <ErrorAlert message={failure} />}
          {children}
        </Stack>
      </form>
    </Drawer>
  );
}
