import { useState, type ChangeEvent } from 'react';
import { errorMessage } from '../api/error-message';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from '../features/findings/field-errors';

/**
 * The state of a form the main side validates: whether it is saving, the messages it named per
 * field, and a failure that names no field (shown once, near the buttons). `save` clears both
 * before each try, so what is shown is always the last attempt's.
 */
export function useFormSave() {
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  async function save(run: () => Promise<unknown>): Promise<void> {
    setSaving(true);
    setErrors({});
    setFailure(null);
    try {
      await run();
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  /**
   * The props that tie a text field to its state and to the main side's message about it, e.g.
   * `<TextInput label="Title" {...bindText(title, setTitle, 'title', 'The title')} />`.
   */
  const bindText = (
    value: string,
    set: (value: string) => void,
    path: string,
    subject: string,
  ) => ({
    value,
    onChange: (e: ChangeEvent<HTMLInputElement | HTMLTextAreaElement>) =>
      set(e.currentTarget.value),
    error: fieldMessage(errors, path, subject),
  });

  return { errors, failure, setFailure, saving, save, bindText };
}
