import type { ReactNode } from 'react';
import { Button, Group, Text } from '@mantine/core';

interface Props {
  saving: boolean;
  submitLabel: string;
  /** What went wrong on the last save when no field was to blame (read out as it appears). */
  failure?: string | null;
  /** Cancel; no Cancel button without it. */
  onCancel?: () => void;
  /** Cancel stays usable while a save runs (the form then closes and the save goes on). */
  cancelWhileSaving?: boolean;
  /** Something on the left, apart from the buttons (Delete). */
  start?: ReactNode;
}

/**
 * The end of a form: its failure if any, then Cancel and the submit button on the right. Cancel is
 * held while a save runs unless the form says otherwise, so a half-saved form is not closed.
 */
export function FormActions({
  saving,
  submitLabel,
  failure,
  onCancel,
  cancelWhileSaving = false,
  start,
}: Props) {
  const buttons = (
    <Group justify="flex-end">
      {onCancel && (
        <Button variant="default" onClick={onCancel} disabled={saving && !cancelWhileSaving}>
          Cancel
        </Button>
      )}
      <Button type="submit" loading={saving}>
        {submitLabel}
      </Button>
    </Group>
  );
  return (
    <>
      {failure && (
        <Text c="red.7" size="sm" role="alert">
          {failure}
        </Text>
      )}
      {start ? (
        <Group justify="space-between">
          {start}
          {buttons}
        </Group>
      ) : (
        buttons
      )}
    </>
  );
}
