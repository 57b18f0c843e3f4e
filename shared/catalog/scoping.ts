import { z } from 'zod';
import type { ScopingQuestion, ScopingSuggestion } from './guidance';

/**
 * Answers to the scoping questions of one assessment, keyed by question id: a boolean for a
 * `yes-no` question, the ids of the ticked options for a `several` question (empty: none applies).
 */
export const scopingAnswerSchema = z.union([
  z.boolean(),
  z.array(z.string().min(1).max(100)).max(50),
]);
export const scopingAnswersSchema = z
  .record(z.string().min(1).max(100), scopingAnswerSchema)
  .refine((answers) => Object.keys(answers).length <= 200, 'at most 200 answers');
export type ScopingAnswer = z.infer<typeof scopingAnswerSchema>;
export type ScopingAnswers = z.infer<typeof scopingAnswersSchema>;

/** Every suggestion a question can make, with the option that makes it (none for yes-no). */
export function questionSuggestions(
  question: ScopingQuestion,
): { option: string | null; suggestion: ScopingSuggestion }[] {
  if (question.answer === 'yes-no') {
    return question.suggests.map((suggestion) => ({ option: null, suggestion }));
  }
  return question.options.flatMap((o) =>
    o.suggests.map((suggestion) => ({ option: o.id, suggestion })),
  );
}

/**
 * The controls the answers point at, each with the reasons given, in the order the questions and
 * options list them. A suggestion only: excluding a control still needs a justification in the SoA.
 */
export function suggestedControls(
  questions: readonly ScopingQuestion[],
  answers: Readonly<Record<string, ScopingAnswer>>,
): Map<string, string[]> {
  const suggested = new Map<string, string[]>();
  for (const question of questions) {
    const answer = answers[question.id];
    for (const { option, suggestion } of questionSuggestions(question)) {
      const applies =
        option === null ? answer === true : Array.isArray(answer) && answer.includes(option);
      if (!applies) continue;
      suggested.set(suggestion.control, [
        ...(suggested.get(suggestion.control) ?? []),
        suggestion.reason,
      ]);
    }
  }
  return suggested;
}

/**
 * What is wrong with a set of answers for these questions, in words a person can act on. An id no
 * current question has is accepted only when the stored answers already held it with the same
 * value: it was answered under an earlier revision of the question bank and is kept, not lost.
 */
export function scopingAnswerProblems(
  questions: readonly ScopingQuestion[],
  answers: Readonly<Record<string, ScopingAnswer>>,
  stored: Readonly<Record<string, ScopingAnswer>>,
): string[] {
  const byId = new Map(questions.map((q) => [q.id, q]));
  const problems: string[] = [];
  for (const [id, answer] of Object.entries(answers)) {
    const question = byId.get(id);
    if (!question) {
      if (!(id in stored) || JSON.stringify(stored[id]) !== JSON.stringify(answer)) {
        problems.push(`${id}: no scoping question has this id`);
      }
      continue;
    }
    if (question.answer === 'yes-no') {
      if (typeof answer !== 'boolean') problems.push(`${id}: expects yes or no`);
      continue;
    }
    if (!Array.isArray(answer)) {
      problems.push(`${id}: expects a list of the options that apply`);
      continue;
    }
    const options = new Set(question.options.map((o) => o.id));
    for (const option of answer) {
      if (!options.has(option)) problems.push(`${id}: unknown option ${option}`);
    }
    if (new Set(answer).size !== answer.length) problems.push(`${id}: an option is listed twice`);
  }
  return problems;
}
