import type { ReactNode } from 'react';
import { SegmentedControl, Stack, Text } from '@mantine/core';

interface LabelledChoiceProps<T extends string> {
  /** Unique on the page: names the label element the control points at. */
  id: string;
  label: string;
  value: T;
  options: readonly { value: T; label: string }[];
  onChange: (value: T) => void;
  children?: ReactNode;
}

/** A segmented choice with a visible label that screen readers announce with it. */
export function LabelledChoice<T extends string>(props: LabelledChoiceProps<T>) {
  const { id, label, value, options, onChange, children } = props;
  return (
    <Stack gap={4}>
      <Text size="sm" fw={500} id={id}>
        {label}
      </Text>
      <SegmentedControl
        aria-labelledby={id}
        value={value}
        // The control only ever reports one of the options it was given.
        onChange={(v) => onChange(options.find((o) => o.value === v)?.value ?? value)}
        data={options.map((o) => ({ value: o.value, label: o.label }))}
      />
      {children}
    </Stack>
  );
}
