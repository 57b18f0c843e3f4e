import type { CommandErrorBody, ErrorCode } from '../../shared/contracts/envelope';

/** A failure a service raises on purpose; the registry turns it into an error envelope. */
export class CommandFailure extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: CommandErrorBody['details'],
  ) {
    super(message);
    this.name = 'CommandFailure';
  }
}

export const notFound = (what: string, id: string) =>
  new CommandFailure('NOT_FOUND', `${what} ${id} does not exist (it may have been deleted).`);

export const conflict = (message: string) => new CommandFailure('CONFLICT', message);

export const invalid = (path: string, message: string) =>
  new CommandFailure('VALIDATION', `Invalid input — ${path}: ${message}`, {
    issues: [{ path, message }],
  });

export const readOnly = (message: string) => new CommandFailure('READ_ONLY', message);
