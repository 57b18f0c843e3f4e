import { z } from 'zod';
import { results } from '../domain/assessment';
import { idSchema, textField } from './common';
import { defineCommand } from './define';

const requirementId = z.string().min(1).max(200);

export const responseSchema = z.object({
  assessmentId: idSchema,
  requirementId: z.string(),
  result: z.enum(results),
  maturity: z.number().int().min(0).max(5).nullable(),
  notes: z.string(),
  naJustification: z.string(),
  interviewees: z.array(z.string()),
  followUp: z.boolean(),
  sessionId: z.string().nullable(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ResponseRecord = z.infer<typeof responseSchema>;

export const saveResponseInput = z
  .strictObject({
    assessmentId: idSchema,
    requirementId,
    result: z.enum(results),
    maturity: z
      .number()
      .int()
      .min(0, 'must be 0 to 5')
      .max(5, 'must be 0 to 5')
      .nullable()
      .default(null),
    notes: textField(200_000).default(''),
    naJustification: textField(20_000).default(''),
    interviewees: z
      .array(textField(200).pipe(z.string().min(1)))
      .max(50)
      .default([]),
    followUp: z.boolean().default(false),
    sessionId: idSchema.nullable().default(null),
  })
  .refine((v) => v.result !== 'not-applicable' || v.naJustification.length > 0, {
    message: 'is required when the result is not applicable',
    path: ['naJustification'],
  });
export type SaveResponseInput = z.input<typeof saveResponseInput>;

export const historyEntrySchema = z.object({
  seq: z.number().int(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entityType: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  /** Set when the change was merged in from another data directory: that directory's replica id. */
  origin: z.string().optional(),
});
export type HistoryEntry = z.infer<typeof historyEntrySchema>;

export const responseContracts = {
  'responses.list': defineCommand({
    name: 'responses.list',
    summary: 'Every answer recorded in an assessment.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(responseSchema),
    mutates: false,
  }),
  'responses.save': defineCommand({
    name: 'responses.save',
    summary: 'Save the answer to one requirement (as typed; the last save wins).',
    input: saveResponseInput,
    output: responseSchema,
    mutates: true,
  }),
  'responses.history': defineCommand({
    name: 'responses.history',
    summary:
      'Every recorded change to a requirement’s answer, findings and SoA entry, newest first.',
    input: z.strictObject({ assessmentId: idSchema, requirementId }),
    output: z.array(historyEntrySchema),
    mutates: false,
  }),
};
