import { z } from 'zod';

/** Error codes that cross the boundary. Each maps to a kind of message the UI shows as is. */
export const errorCodes = [
  'VALIDATION',
  'NOT_FOUND',
  'CONFLICT',
  'READ_ONLY',
  'UNKNOWN_COMMAND',
  'FORBIDDEN',
  'UNAVAILABLE',
  'INTERNAL',
] as const;
export type ErrorCode = (typeof errorCodes)[number];

export interface FieldIssue {
  /** Dotted path of the offending field, e.g. `clientName` or `interviewees.0.role`. */
  path: string;
  message: string;
}

export interface CommandErrorBody {
  code: ErrorCode;
  message: string;
  details?: { issues?: FieldIssue[] } & Record<string, unknown>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: CommandErrorBody };

export const commandErrorBodySchema = z.object({
  code: z.enum(errorCodes),
  message: z.string(),
  details: z.record(z.string(), z.unknown()).optional(),
});

/** The typed error a client throws when the other side answers with an error envelope. */
export class CommandError extends Error {
  readonly code: ErrorCode;
  readonly details: CommandErrorBody['details'];

  constructor(body: CommandErrorBody) {
    super(body.message);
    this.name = 'CommandError';
    this.code = body.code;
    this.details = body.details;
  }

  /** Issues for one field, for showing next to the input that caused them. */
  issuesFor(path: string): FieldIssue[] {
    return (this.details?.issues ?? []).filter((i) => i.path === path);
  }
}

/** Formats zod issues as a message that names each field. */
export function describeIssues(issues: FieldIssue[]): string {
  const parts = issues.slice(0, 5).map((i) => (i.path ? `${i.path}: ${i.message}` : i.message));
  const more = issues.length > 5 ? ` (and ${issues.length - 5} more)` : '';
  return `Invalid input — ${parts.join('; ')}${more}`;
}

export function issuesFromZod(error: z.ZodError): FieldIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map(String).join('.'),
    message: issue.message,
  }));
}
