import { z } from 'zod';
import { auditStageSchema } from '../catalog/guidance';
import { findingGrades } from '../domain/assessment';
import { consistencyCheckIds } from '../rules/consistency';
import { cycleKinds, gateIds } from '../rules/gates';
import { idSchema } from './common';
import { documentViewSchema } from './documents';
import { defineCommand } from './define';

const tally = z.object({
  score: z.number().nullable(),
  points: z.number(),
  applicable: z.number().int(),
  assessed: z.number().int(),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

const verdict = z.enum(['ready', 'nearly-ready', 'incomplete', 'not-ready']);

const blocker = z.object({
  reason: z.string(),
  refs: z.array(z.string()),
  stages: z.array(auditStageSchema).readonly(),
});

export const consistencyFindingSchema = z.object({
  check: z.enum(consistencyCheckIds),
  message: z.string(),
  refs: z.array(z.string()),
  control: z.string().nullable(),
  risks: z.array(z.object({ id: idSchema, ref: z.string() })),
  riskCount: z.number().int(),
  aiSystem: z.object({ id: idSchema, name: z.string() }).nullable(),
});
export type ConsistencyFindingView = z.infer<typeof consistencyFindingSchema>;

export const readinessSchema = z.object({
  overall: z.object({ score: z.number().nullable(), coverage: z.number() }),
  clauses: tally,
  controls: tally,
  sections: z.array(tally.extend({ area: z.string(), title: z.string() })),
  verdict,
  reasons: z.array(z.string()),
  findings: z.record(
    z.enum(findingGrades),
    z.object({ open: z.number().int(), closed: z.number().int() }),
  ),
  gates: z.array(
    z.object({
      id: z.enum(gateIds),
      label: z.string(),
      rule: z.string(),
      passed: z.boolean(),
      blockers: z.array(blocker),
    }),
  ),
  stages: z.array(
    z.object({
      stage: auditStageSchema,
      verdict,
      blockers: z.array(blocker.extend({ gate: z.enum(gateIds) })),
      note: z.string(),
    }),
  ),
  documents: z.array(documentViewSchema),
  /** Internal audits and management reviews the gate counted, and where each comes from. */
  cycle: z.array(
    z.object({
      kind: z.enum(cycleKinds),
      source: z.enum(['documented-information', 'cycle']),
      label: z.string(),
      completed: z.boolean(),
      completedOn: z.string().nullable(),
    }),
  ),
  checks: z.array(consistencyFindingSchema),
});
export type ReadinessView = z.infer<typeof readinessSchema>;

export const readinessContracts = {
  'readiness.get': defineCommand({
    name: 'readiness.get',
    summary:
      'Scores, the gates before "ready" with their reasons, stage 1 and stage 2 verdicts, documented information and consistency checks.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: readinessSchema,
    mutates: false,
  }),
  'readiness.checks': defineCommand({
    name: 'readiness.checks',
    summary:
      'Consistency checks of an assessment (SoA, answers, risks, AI systems); with `ref`, only those shown at that requirement.',
    input: z.strictObject({ assessmentId: idSchema, ref: z.string().min(1).max(50).optional() }),
    output: z.array(consistencyFindingSchema),
    mutates: false,
  }),
  'readiness.riskChecks': defineCommand({
    name: 'readiness.riskChecks',
    summary:
      'Consistency checks that name one risk, against the SoA of every assessment of its engagement.',
    input: z.strictObject({ riskId: idSchema }),
    output: z.array(consistencyFindingSchema.extend({ assessmentTitle: z.string().nullable() })),
    mutates: false,
  }),
};
