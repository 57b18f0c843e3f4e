import { Button, Group } from '@mantine/core';

interface Props {
  /** Shown only when editing something that exists. */
  onDelete?: () => void;
  onCancel(): void;
  saving: boolean;
  submitLabel: string;
}

/** Delete on the left (when there is something to delete), Cancel and the submit button on the right. */
export function FormFooter({ onDelete, onCancel, saving, submitLabel }: Props) {
  return (
    <Group justify="space-between">
      {onDelete ? (
        <Button variant="subtle" color="red" onClick={onDelete}>
          Delete
        </Button>
      ) : (
        <span />
      )}
      <Group>
        <Button variant="default" onClick={onCancel}>
          Cancel
        </Button>
        <Button type="submit" loading={saving}>
          {submitLabel}
        </Button>
      </Group>
    </Group>
  );
}
