import { z } from 'zod';
import { idSchema, okOutput, requiredText, textField } from './common';
import { defineCommand } from './define';

export const intervieweeSchema = z.strictObject({
  name: requiredText(200),
  role: textField(200).default(''),
});

const fields = {
  // Stored in UTC so that sessions sort by the moment they were held, whatever offset was typed.
  heldAt: z.iso
    .datetime({ offset: true, message: 'must be a date and time' })
    .transform((value) => new Date(value).toISOString()),
  interviewees: z.array(intervieweeSchema).max(100).default([]),
  attendees: z.array(requiredText(200)).max(100).default([]),
  requirementIds: z.array(z.string().min(1).max(200)).max(200).default([]),
  notes: textField(100_000).default(''),
};

export const sessionSchema = z.object({
  id: idSchema,
  assessmentId: idSchema,
  heldAt: z.string(),
  interviewees: z.array(z.object({ name: z.string(), role: z.string() })),
  attendees: z.array(z.string()),
  requirementIds: z.array(z.string()),
  notes: z.string(),
  answerCount: z.number().int(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type InterviewSession = z.infer<typeof sessionSchema>;
export type SessionInput = z.input<z.ZodObject<typeof fields>>;

export const sessionContracts = {
  'sessions.list': defineCommand({
    name: 'sessions.list',
    summary: 'Interview sessions of an assessment, latest first.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(sessionSchema),
    mutates: false,
  }),
  'sessions.create': defineCommand({
    name: 'sessions.create',
    summary:
      'Record an interview session: when, who was interviewed, who attended, what was covered.',
    input: z.strictObject({ assessmentId: idSchema, ...fields }),
    output: sessionSchema,
    mutates: true,
  }),
  'sessions.update': defineCommand({
    name: 'sessions.update',
    summary: 'Change an interview session.',
    input: z.strictObject({ id: idSchema, ...fields }),
    output: sessionSchema,
    mutates: true,
  }),
  'sessions.delete': defineCommand({
    name: 'sessions.delete',
    summary: 'Delete a session; answers given in it stay, without the session.',
    input: z.strictObject({ id: idSchema }),
    output: okOutput,
    mutates: true,
  }),
};
