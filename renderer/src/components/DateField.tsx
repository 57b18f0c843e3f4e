import { TextInput } from '@mantine/core';

interface Props {
  label: string;
  /** A calendar day as YYYY-MM-DD, or '' when none is set. */
  value: string;
  onChange(value: string): void;
  error?: string;
  description?: string;
  required?: boolean;
  disabled?: boolean;
}

/** A calendar day picked with the browser's own date field (keyboard and screen reader included). */
export function DateField({ onChange, ...rest }: Props) {
  return <TextInput type="date" {...rest} onChange={(e) => onChange(e.currentTarget.value)} />;
}
