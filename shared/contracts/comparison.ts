import { z } from 'zod';
import {
  assessmentStatuses,
  findingGrades,
  findingStatuses,
  implementationStatuses,
  results,
} from '../domain/assessment';
import { changeKinds, riskChangeKinds, soaChangeKinds } from '../rules/comparison';
import { idSchema } from './common';
import { defineCommand } from './define';

const verdicts = z.enum(['ready', 'nearly-ready', 'incomplete', 'not-ready']);

export const cycleSideSchema = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(assessmentStatuses),
  createdAt: z.string(),
  finalisedAt: z.string().nullable(),
  /** The time this side stands for: when it was made final, or (not final) now. */
  asOf: z.string(),
  score: z.number().nullable(),
  clauses: z.number().nullable(),
  controls: z.number().nullable(),
  verdict: verdicts,
  assessed: z.number().int(),
  total: z.number().int(),
});
export type CycleSide = z.infer<typeof cycleSideSchema>;

const comparedFinding = z.object({
  id: idSchema,
  ref: z.string(),
  assessmentTitle: z.string(),
  requirementRef: z.string(),
  grade: z.enum(findingGrades),
  statement: z.string(),
  status: z.enum(findingStatuses),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type ComparedFinding = z.infer<typeof comparedFinding>;

const soaSide = z
  .object({
    applicable: z.boolean(),
    implementationStatus: z.enum(implementationStatuses),
    justification: z.string(),
  })
  .nullable();
const riskSide = z.object({ score: z.number(), band: z.string() }).nullable();

export const comparisonSchema = z.object({
  engagementId: idSchema,
  clientName: z.string(),
  before: cycleSideSchema,
  after: cycleSideSchema,
  /** True when the two were named newest first: the older one is always "before". */
  swapped: z.boolean(),
  requirements: z.array(
    z.object({
      requirementId: z.string(),
      ref: z.string(),
      title: z.string(),
      annex: z.boolean(),
      before: z.enum(results).nullable(),
      after: z.enum(results).nullable(),
      change: z.enum(changeKinds),
      note: z.string(),
    }),
  ),
  counts: z.record(z.enum(changeKinds), z.number().int()),
  findings: z.object({
    opened: z.array(comparedFinding),
    closed: z.array(comparedFinding),
    stillOpen: z.array(comparedFinding),
  }),
  soa: z.array(
    z.object({
      ref: z.string(),
      title: z.string(),
      change: z.enum(soaChangeKinds),
      before: soaSide,
      after: soaSide,
    }),
  ),
  risks: z.object({
    before: z.number().int(),
    after: z.number().int(),
    counts: z.record(z.enum(riskChangeKinds), z.number().int()),
    /** Raised and lowered in full; added and removed up to `listLimit` each. */
    changes: z.array(
      z.object({
        riskId: idSchema,
        ref: z.string(),
        title: z.string(),
        change: z.enum(riskChangeKinds),
        before: riskSide,
        after: riskSide,
      }),
    ),
    listLimit: z.number().int(),
  }),
});
export type Comparison = z.infer<typeof comparisonSchema>;

export const trendPointSchema = z.object({
  id: idSchema,
  title: z.string(),
  status: z.enum(assessmentStatuses),
  /** When it was made final, or when it last changed. */
  at: z.string(),
  score: z.number().nullable(),
  clauses: z.number().nullable(),
  controls: z.number().nullable(),
  verdict: verdicts,
  openFindings: z.number().int(),
});
export type TrendPoint = z.infer<typeof trendPointSchema>;

export const comparisonContracts = {
  'comparison.compare': defineCommand({
    name: 'comparison.compare',
    summary:
      'What changed between two assessments of one engagement: results per requirement, findings opened and closed, SoA and risk-level changes, scores.',
    input: z.strictObject({ a: idSchema, b: idSchema }),
    output: comparisonSchema,
    mutates: false,
  }),
  'comparison.trend': defineCommand({
    name: 'comparison.trend',
    summary: 'The readiness score of every assessment of an engagement, oldest first.',
    input: z.strictObject({ engagementId: idSchema }),
    output: z.array(trendPointSchema),
    mutates: false,
  }),
};
