import { CommandError } from '../../../shared/contracts/envelope';

/** A message for any error a command or the page threw, fit to show a person. */
export function errorMessage(error: unknown): string {
  if (error instanceof CommandError) return error.message;
  return error instanceof Error ? error.message : String(error);
}
