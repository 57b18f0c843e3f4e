import { z } from 'zod';
import { findingGrades } from '../domain/assessment';
import { actionStatuses } from '../rules/corrective-actions';
import { decisionStatuses, reviewStatuses } from '../rules/management-review';
import { dateSchema, idSchema, requiredText, textField } from './common';
import { trendPointSchema } from './comparison';
import { defineCommand } from './define';

const decisionSchema = z.object({
  text: requiredText(5_000),
  owner: textField(200).default(''),
  dueDate: dateSchema.nullable().default(null),
  status: z.enum(decisionStatuses).default('open'),
});
export type ReviewDecision = z.output<typeof decisionSchema>;

/** What Assay compiles for a review from its own records, since the last review held. */
export const reviewInputsSchema = z.object({
  compiledAt: z.string(),
  since: z.string().nullable(),
  previousActions: z.array(
    z.object({
      review: z.string(),
      text: z.string(),
      owner: z.string(),
      dueDate: z.string().nullable(),
      status: z.enum(decisionStatuses),
      overdue: z.boolean(),
    }),
  ),
  findings: z.array(
    z.object({
      grade: z.enum(findingGrades),
      raised: z.number().int(),
      closed: z.number().int(),
      open: z.number().int(),
    }),
  ),
  correctiveActions: z.object({
    byStatus: z.record(z.enum(actionStatuses), z.number().int()),
    overdue: z.number().int(),
  }),
  audits: z.array(
    z.object({
      title: z.string(),
      heldFrom: z.string().nullable(),
      conclusion: z.string(),
      independenceIssues: z.number().int(),
    }),
  ),
  readiness: z.array(trendPointSchema),
  risks: z.object({
    total: z.number().int(),
    byBand: z.array(z.object({ band: z.string(), count: z.number().int() })),
    raised: z.number().int(),
    lowered: z.number().int(),
    added: z.number().int(),
    removed: z.number().int(),
  }),
  impactAssessmentsChanged: z.number().int(),
  opportunities: z.array(z.object({ ref: z.string(), statement: z.string() })),
});
export type ReviewInputs = z.infer<typeof reviewInputsSchema>;

export const managementReviewSchema = z.object({
  id: idSchema,
  engagementId: idSchema,
  title: z.string(),
  plannedOn: z.string().nullable(),
  heldOn: z.string().nullable(),
  status: z.enum(reviewStatuses),
  chair: z.string(),
  attendees: z.array(z.string()),
  issuesChanges: z.string(),
  interestedParties: z.string(),
  resources: z.string(),
  opportunities: z.string(),
  /** Anything else the organisation brings to the review. */
  otherInputs: z.string(),
  decisions: z.array(decisionSchema),
  /** Frozen when held; null while planned (ask managementReviews.inputs for the live ones). */
  inputs: reviewInputsSchema.nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  updatedBy: z.string(),
});
export type ManagementReview = z.infer<typeof managementReviewSchema>;

export const managementReviewContracts = {
  'managementReviews.list': defineCommand({
    name: 'managementReviews.list',
    summary: 'The management reviews of an engagement, newest first.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(managementReviewSchema),
    mutates: false,
  }),
  'managementReviews.inputs': defineCommand({
    name: 'managementReviews.inputs',
    summary:
      'The review inputs Assay compiles from its records since the last review held: actions of earlier reviews, nonconformity and corrective-action trends, audit results, readiness, risk and impact-assessment changes, opportunities.',
    input: z.strictObject({ engagementId: idSchema }),
    output: reviewInputsSchema,
    mutates: false,
  }),
  'managementReviews.save': defineCommand({
    name: 'managementReviews.save',
    summary:
      'Create (no id) or change a management review; marking it held freezes the compiled inputs with it.',
    input: z.strictObject({
      id: idSchema.optional(),
      engagementId: idSchema,
      title: requiredText(300),
      plannedOn: dateSchema.nullable().default(null),
      heldOn: dateSchema.nullable().default(null),
      status: z.enum(reviewStatuses).default('planned'),
      chair: textField(200).default(''),
      attendees: z.array(requiredText(200)).max(100).default([]),
      issuesChanges: textField(20_000).default(''),
      interestedParties: textField(20_000).default(''),
      resources: textField(20_000).default(''),
      opportunities: textField(20_000).default(''),
      otherInputs: textField(20_000).default(''),
      decisions: z.array(decisionSchema).max(200).default([]),
    }),
    output: managementReviewSchema,
    mutates: true,
  }),
};
