import type { ReactNode } from 'react';
import { Button } from '@mantine/core';

interface Props {
  /** The accessible name, naming the row: "Open action for NC-3", not just "Open action". */
  label: string;
  onClick(): void;
  children: ReactNode;
}

/** The main button at the end of a table row. */
export function RowButton({ label, onClick, children }: Props) {
  return (
    <Button size="xs" variant="light" onClick={onClick} aria-label={label}>
      {children}
    </Button>
  );
}
