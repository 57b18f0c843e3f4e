import type { ReactNode } from 'react';
import { Stack, type StackProps } from '@mantine/core';

interface Props extends StackProps {
  /** The form's accessible name, e.g. "Internal audit". */
  label?: string;
  onSubmit(): void | Promise<void>;
  children: ReactNode;
}

/** A form laid out as a stack: Enter or the submit button runs `onSubmit`, the page never reloads. */
export function FormStack({ label, onSubmit, children, ...stack }: Props) {
  return (
    <Stack
      {...stack}
      component="form"
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {children}
    </Stack>
  );
}
