import { z } from 'zod';
import { findingGrades, findingStatuses, results } from '../domain/assessment';
import { freshnessStates } from '../rules/evidence-freshness';
import { assessmentSchema } from './assessments';
import { dateSchema, idSchema, requiredText } from './common';
import { defineCommand } from './define';

export const carriedKindNames = ['scope', 'scoping', 'soa'] as const;
export type CarriedKind = (typeof carriedKindNames)[number];

/** A decision carried over from the previous cycle, to be confirmed (or changed) by a person. */
export const carriedItemSchema = z.object({
  id: idSchema,
  kind: z.enum(carriedKindNames),
  key: z.string(),
  /** What it is about: "Areas left out of scope", a scoping question, "A.6.2.4 …". */
  label: z.string(),
  /** Last cycle's decision in words. */
  carried: z.string(),
  /** pending: carried over, confirm; confirmed: a person confirmed it as is; changed: decided anew since. */
  state: z.enum(['pending', 'confirmed', 'changed']),
  confirmedAt: z.string().nullable(),
  confirmedBy: z.string().nullable(),
});
export type CarriedItem = z.infer<typeof carriedItemSchema>;

/** An open finding of an earlier cycle listed in this one, with its original reference. */
export const carriedFindingSchema = z.object({
  findingId: idSchema,
  ref: z.string(),
  fromAssessmentId: idSchema,
  fromTitle: z.string(),
  requirementId: z.string(),
  requirementRef: z.string(),
  grade: z.enum(findingGrades),
  statement: z.string(),
  owner: z.string(),
  dueDate: z.string().nullable(),
  status: z.enum(findingStatuses),
  closedAt: z.string().nullable(),
});
export type CarriedFinding = z.infer<typeof carriedFindingSchema>;

const assessmentLink = z.object({
  id: idSchema,
  title: z.string(),
  status: z.string(),
  /** When it was made final (its last finalisation), or null while it is not final. */
  finalisedAt: z.string().nullable(),
});

export const cycleViewSchema = z.object({
  assessmentId: idSchema,
  previous: assessmentLink.nullable(),
  /** Assessments started from this one. */
  next: z.array(assessmentLink),
  carried: z.array(carriedItemSchema),
  pending: z.number().int(),
  carriedFindings: z.array(carriedFindingSchema),
});
export type CycleView = z.infer<typeof cycleViewSchema>;

export const evidenceFreshnessSchema = z.object({
  id: idSchema,
  title: z.string(),
  status: z.string(),
  collectedOn: z.string().nullable(),
  validUntil: z.string().nullable(),
  reviewDue: z.string().nullable(),
  ageDays: z.number().int(),
  freshness: z.enum(freshnessStates),
  reason: z.string(),
  /** Refs of the requirements (in the assessment's scope) it is linked to. */
  refs: z.array(z.string()),
});
export type EvidenceFreshnessRow = z.infer<typeof evidenceFreshnessSchema>;

export const lastTimeSchema = z.object({
  previous: assessmentLink.nullable(),
  /** Last cycle's answer: shown beside the new, empty one, never copied into it. */
  response: z
    .object({
      result: z.enum(results),
      maturity: z.number().int().nullable(),
      notes: z.string(),
      naJustification: z.string(),
      interviewees: z.array(z.string()),
      updatedAt: z.string(),
      updatedBy: z.string(),
    })
    .nullable(),
  findings: z.array(
    z.object({
      id: idSchema,
      ref: z.string(),
      grade: z.enum(findingGrades),
      statement: z.string(),
      status: z.enum(findingStatuses),
      closedAt: z.string().nullable(),
    }),
  ),
  /** Evidence linked to the requirement, with its age and expiry. */
  evidence: z.array(evidenceFreshnessSchema),
});
export type LastTime = z.infer<typeof lastTimeSchema>;

const carriedRef = z.strictObject({
  kind: z.enum(carriedKindNames),
  key: z.string().min(1).max(200),
});

export const cycleContracts = {
  'cycle.startNext': defineCommand({
    name: 'cycle.startNext',
    summary:
      'Start the next assessment from a final one: scope, scoping answers and SoA decisions carried over to confirm, open findings kept open, no answer copied.',
    input: z
      .strictObject({
        assessmentId: idSchema,
        title: requiredText(200),
        plannedStart: dateSchema.nullable().default(null),
        plannedEnd: dateSchema.nullable().default(null),
      })
      .refine((v) => !v.plannedStart || !v.plannedEnd || v.plannedStart <= v.plannedEnd, {
        message: 'must not be before the planned start',
        path: ['plannedEnd'],
      }),
    output: assessmentSchema,
    mutates: true,
  }),
  'cycle.get': defineCommand({
    name: 'cycle.get',
    summary:
      'Where an assessment sits in the cycle: its previous and next assessments, what was carried over and what still needs confirming.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: cycleViewSchema,
    mutates: false,
  }),
  'cycle.confirm': defineCommand({
    name: 'cycle.confirm',
    summary: 'Confirm carried-over decisions as they are (some, or all still pending).',
    input: z
      .strictObject({
        assessmentId: idSchema,
        items: z.array(carriedRef).max(500).optional(),
        all: z.boolean().optional(),
      })
      .refine((v) => (v.items !== undefined) !== (v.all === true), {
        message: 'name the items to confirm, or all: true',
        path: ['items'],
      }),
    output: cycleViewSchema,
    mutates: true,
  }),
  'cycle.lastTime': defineCommand({
    name: 'cycle.lastTime',
    summary:
      "Last cycle's answer, notes and findings for one requirement, and its evidence with age and expiry.",
    input: z.strictObject({ assessmentId: idSchema, requirementId: z.string().min(1).max(200) }),
    output: lastTimeSchema,
    mutates: false,
  }),
  'cycle.evidenceWarnings': defineCommand({
    name: 'cycle.evidenceWarnings',
    summary:
      "Expired, stale and soon-expiring evidence linked to the assessment's requirements in scope.",
    input: z.strictObject({ assessmentId: idSchema }),
    output: z.array(evidenceFreshnessSchema),
    mutates: false,
  }),
};
