import { z } from 'zod';
import { nonEmpty, vocabKey } from './fields';

/**
 * The guidance-level parts of the catalog format: what a consultant asks and looks for under one
 * requirement, plus the catalog-wide overlaps and scoping questions built on it. The frame of the
 * format (framework, nodes, sections) is in format.ts.
 */

/**
 * The certification audit stage a question serves. 1: design and documentation, what a stage-1
 * documentation review can judge. 2: operating effectiveness, what only records of the process
 * running (and the on-site stage-2 audit) can show.
 */
export const auditStages = [1, 2] as const;
export type AuditStage = (typeof auditStages)[number];
export const auditStageLabels: Record<AuditStage, string> = {
  1: 'Design and documentation',
  2: 'Operating effectiveness',
};
export const auditStageSchema = z.union([z.literal(1), z.literal(2)], {
  error: 'must be 1 (design and documentation) or 2 (operating effectiveness)',
});

/** Marks the question each Annex A control asks about its SoA entry and the treatments that rely on it. */
export const questionTopics = ['soa-and-treatment'] as const;

export const interviewQuestionSchema = z.strictObject({
  text: nonEmpty,
  probe: nonEmpty.optional(),
  stage: auditStageSchema,
  asks: z.enum(questionTopics).optional(),
});

/**
 * How to sample the records a requirement is tested on, or why sampling does not apply. The
 * auditor, never the auditee, chooses the items: `selection` says how.
 */
export const samplingSchema = z.discriminatedUnion('applies', [
  z.strictObject({
    applies: z.literal(true),
    /** The list the sample is drawn from, e.g. the release register for systems in scope. */
    population: nonEmpty,
    /** The time window the population covers, e.g. the last twelve months. */
    period: nonEmpty,
    /** A suggested number of items; scale up for large populations, take all of a small one. */
    size: z.number().int().min(1).max(50),
    /** How the auditor picks the items so that the auditee cannot choose the showcase case. */
    selection: nonEmpty,
  }),
  z.strictObject({ applies: z.literal(false), why: nonEmpty }),
]);

/** One typical example of each grade, as an auditor would write it against this requirement. */
export const nonconformitySchema = z.strictObject({ major: nonEmpty, minor: nonEmpty });

export const guidanceSchema = z.strictObject({
  intent: nonEmpty,
  questions: z.array(interviewQuestionSchema).min(1),
  goodPractice: z.array(nonEmpty).min(1),
  evidence: z.array(vocabKey).min(1),
  roles: z.array(vocabKey).min(1),
  pitfalls: z.array(nonEmpty).default([]),
  sampling: samplingSchema,
  nonconformity: nonconformitySchema,
});

/**
 * Requirements (a clause and Annex A controls) that cover the same ground from two sides. Each side
 * says what it alone judges; each shared artefact names the one requirement that scores its
 * absence, so a missing artefact is never counted twice (see overlaps.ts).
 */
export const overlapSchema = z.strictObject({
  id: vocabKey,
  sides: z.array(z.strictObject({ ref: nonEmpty, ground: nonEmpty })).min(2),
  artefacts: z.array(z.strictObject({ evidence: vocabKey, owner: nonEmpty })).min(1),
});

const suggestionSchema = z.strictObject({ control: nonEmpty, reason: nonEmpty });

/**
 * Asked once per assessment. `yes-no` questions suggest controls when answered yes; `several`
 * questions list options and suggest controls for each option ticked.
 */
export const scopingQuestionSchema = z.discriminatedUnion('answer', [
  z.strictObject({
    id: vocabKey,
    answer: z.literal('yes-no'),
    text: nonEmpty,
    help: nonEmpty,
    suggests: z.array(suggestionSchema).min(1),
  }),
  z.strictObject({
    id: vocabKey,
    answer: z.literal('several'),
    text: nonEmpty,
    help: nonEmpty,
    options: z
      .array(
        z.strictObject({
          id: vocabKey,
          label: nonEmpty,
          help: nonEmpty,
          suggests: z.array(suggestionSchema).min(1),
        }),
      )
      .min(2),
  }),
]);

export type InterviewQuestion = z.infer<typeof interviewQuestionSchema>;
export type Sampling = z.infer<typeof samplingSchema>;
export type Nonconformity = z.infer<typeof nonconformitySchema>;
export type Guidance = z.infer<typeof guidanceSchema>;
export type Overlap = z.infer<typeof overlapSchema>;
export type ScopingQuestion = z.infer<typeof scopingQuestionSchema>;
export type ScopingSuggestion = z.infer<typeof suggestionSchema>;
