import { z } from 'zod';
import { findingGrades } from '../domain/assessment';
import { idSchema } from './common';
import { defineCommand } from './define';

const tally = z.object({
  score: z.number().nullable(),
  points: z.number(),
  applicable: z.number().int(),
  assessed: z.number().int(),
  total: z.number().int(),
  counts: z.record(z.string(), z.number().int()),
});

export const readinessSchema = z.object({
  overall: z.object({ score: z.number().nullable(), coverage: z.number() }),
  clauses: tally,
  controls: tally,
  sections: z.array(tally.extend({ area: z.string(), title: z.string() })),
  verdict: z.enum(['ready', 'nearly-ready', 'incomplete', 'not-ready']),
  reasons: z.array(z.string()),
  findings: z.record(
    z.enum(findingGrades),
    z.object({ open: z.number().int(), closed: z.number().int() }),
  ),
  documents: z.array(
    z.object({
      key: z.string(),
      label: z.string(),
      refs: z.array(z.string()),
      status: z.enum(['in-place', 'partial', 'missing', 'not-assessed', 'out-of-scope']),
    }),
  ),
});
export type ReadinessView = z.infer<typeof readinessSchema>;

export const readinessContracts = {
  'readiness.get': defineCommand({
    name: 'readiness.get',
    summary:
      'Scores per clause, Annex A area and overall, the verdict, findings by grade, documents.',
    input: z.strictObject({ assessmentId: idSchema }),
    output: readinessSchema,
    mutates: false,
  }),
};
