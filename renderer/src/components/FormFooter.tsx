import { Button } from '@mantine/core';
import { FormActions } from './FormActions';

interface Props {
  /** Shown only when editing something that exists. */
  onDelete?: () => void;
  onCancel(): void;
  saving: boolean;
  submitLabel: string;
}

/**
 * The footer of a record editor in a FormDrawer (which shows the failure on top): Delete on the
 * left when there is something to delete, Cancel and the submit button on the right.
 */
export function FormFooter({ onDelete, onCancel, saving, submitLabel }: Props) {
  return (
    <FormActions
      saving={saving}
      submitLabel={submitLabel}
      onCancel={onCancel}
      cancelWhileSaving
      start={
        onDelete && (
          <Button variant="subtle" color="red" onClick={onDelete}>
            Delete
          </Button>
        )
      }
    />
  );
}
