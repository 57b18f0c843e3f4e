import { CommandError } from '../../../../shared/contracts/envelope';

/** Field errors keyed by the dotted path the main side named (`statement`, `interviewees.0.name`). */
export type FieldErrors = Record<string, string>;

/** Turns a VALIDATION error from the main side into messages to show next to the fields. */
export function fieldErrorsOf(error: unknown): FieldErrors {
  const found: FieldErrors = {};
  if (error instanceof CommandError && error.code === 'VALIDATION') {
    for (const issue of error.details?.issues ?? []) {
      // The first message for a field is the one to show; later ones repeat or follow from it.
      found[issue.path] ??= issue.message;
    }
  }
  return found;
}

/** Messages name the field in words already ("is required"), so prefix the label people see. */
export function fieldMessage(errors: FieldErrors, path: string, label: string): string | undefined {
  const message = errors[path];
  if (!message) return undefined;
  return message.startsWith('is ') || message.startsWith('must ')
    ? `${label} ${message}.`
    : message;
}
