import type { ParsedInput } from '../../../shared/contracts';
import type { ResponseRecord } from '../../../shared/contracts/responses';
import { resultLabels } from '../../../shared/domain/assessment';
import type { CoreContext } from '../context';
import { conflict, invalid } from '../errors';
import { listResponses, saveResponse } from '../responses';
import { iso27001Reuse } from './reuse';

/**
 * Records the answer the 27001 sheet suggests for one requirement, because the consultant chose
 * to: the suggestion is worked out again and must still be the one they saw; every other field of
 * the answer is kept and the notes gain one line saying where the result came from.
 */
export function confirmSuggestion(
  ctx: CoreContext,
  input: ParsedInput<'iso27001.confirmSuggestion'>,
): ResponseRecord {
  const view = iso27001Reuse(ctx, input.assessmentId);
  const entry = view.requirements.find((r) => r.requirementId === input.requirementId);
  if (!entry) throw invalid('requirementId', 'has no related ISO/IEC 27001 entries');
  if (!entry.suggestion || !view.source)
    throw conflict('The ISO/IEC 27001 sheet no longer suggests an answer for this requirement.');
  if (entry.suggestion.result !== input.result)
    throw conflict(
      `The ISO/IEC 27001 sheet now suggests ${resultLabels[entry.suggestion.result]}, not ${resultLabels[input.result]}; look again before confirming.`,
    );
  const existing = listResponses(ctx, input.assessmentId).find(
    (r) => r.requirementId === input.requirementId,
  );
  const line = `${resultLabels[input.result]} confirmed from the client's ISO/IEC 27001 sheet ${view.source.fileName} (imported ${view.source.importedAt.slice(0, 10)}). ${entry.suggestion.why}`;
  const notes = existing?.notes ?? '';
  return saveResponse(ctx, {
    assessmentId: input.assessmentId,
    requirementId: input.requirementId,
    result: input.result,
    maturity: existing?.maturity ?? null,
    notes: notes.includes(line) ? notes : notes ? `${notes}\n\n${line}` : line,
    naJustification: existing?.naJustification ?? '',
    interviewees: existing?.interviewees ?? [],
    followUp: existing?.followUp ?? false,
    sessionId: existing?.sessionId ?? null,
  });
}
