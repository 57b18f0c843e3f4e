import { z } from 'zod';
import { auditStageSchema } from '../catalog/guidance';
import { documentKeys, documentStatuses } from '../rules/documented-information';
import { dateSchema, idSchema, textField } from './common';
import { defineCommand } from './define';

/** One item of mandatory documented information as readiness judges it. */
export const documentViewSchema = z.object({
  key: z.enum(documentKeys),
  label: z.string(),
  /** The requirement that asks for it. */
  ref: z.string(),
  /** The requirement a missing item counts against (an overlap may name another than `ref`). */
  countsAgainst: z.string(),
  /** Requirements that share the artefact through an overlap and never count it again. */
  sharedWith: z.array(z.string()),
  stage: auditStageSchema,
  /** The control it depends on, for items that follow a control's SoA decision. */
  control: z.string().nullable(),
  required: z.boolean(),
  status: z.enum(documentStatuses),
});

/** One item with what was recorded about it in an assessment, and the evidence linked to it. */
export const documentRowSchema = documentViewSchema.extend({
  record: z
    .object({
      id: idSchema,
      exists: z.boolean(),
      approved: z.boolean(),
      current: z.boolean(),
      owner: z.string(),
      reviewDate: z.string().nullable(),
      reference: z.string(),
      notes: z.string(),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  evidence: z.array(z.object({ id: idSchema, title: z.string() })),
});
export type DocumentRow = z.infer<typeof documentRowSchema>;

export const documentRecordFields = {
  exists: z.boolean(),
  approved: z.boolean(),
  current: z.boolean(),
  owner: textField(200).default(''),
  reviewDate: dateSchema.nullable().default(null),
  reference: textField(500).default(''),
  notes: textField(20_000).default(''),
  evidenceIds: z.array(idSchema).max(200).default([]),
};

export const documentContracts = {
  'documents.list': defineCommand({
    name: 'documents.list',
    summary:
      'The mandatory documented information of an assessment: every item, whether it is required under the SoA, its record and status.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(documentRowSchema),
    mutates: false,
  }),
  'documents.save': defineCommand({
    name: 'documents.save',
    summary:
      'Record whether an item exists, is approved and current, its owner, review date, reference and evidence.',
    input: z.strictObject({
      assessmentId: idSchema,
      key: z.enum(documentKeys),
      ...documentRecordFields,
    }),
    output: documentRowSchema,
    mutates: true,
  }),
};
