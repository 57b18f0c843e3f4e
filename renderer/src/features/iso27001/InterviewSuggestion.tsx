import { useEffect } from 'react';
import { Alert, Anchor, Text } from '@mantine/core';
import type { Result } from '../../../../shared/domain/assessment';
import { href } from '../../router/hash-route';
import { useIso27001 } from '../../stores/iso27001';
import { SuggestedLabel } from './SuggestedLabel';

interface Props {
  assessmentId: string;
  requirementId: string;
  /** The answer as it stands in the interview (the draft, saved or not). */
  result: Result;
}

/**
 * In the interview, the answer the client's 27001 sheet suggests for the requirement on screen,
 * marked as a suggestion: it is only shown here; it is recorded from the ISO/IEC 27001 tab, where
 * the consultant confirms it, or by choosing the result here as for any answer.
 */
export function InterviewSuggestion({ assessmentId, requirementId, result }: Props) {
  const reuse = useIso27001((s) => s.reuse);
  const load = useIso27001((s) => s.load);
  const loaded = reuse?.assessmentId === assessmentId;
  useEffect(() => {
    if (!loaded) void load(assessmentId);
  }, [assessmentId, loaded, load]);
  const entry = loaded
    ? reuse.requirements.find((r) => r.requirementId === requirementId)
    : undefined;
  const suggestion = entry?.suggestion;
  if (!suggestion || suggestion.result === result) return null;
  return (
    <Alert color="blue" variant="light" p="xs" aria-label="Suggested from 27001">
      <SuggestedLabel result={suggestion.result} />
      <Text size="xs" mt={4}>
        {suggestion.why} Not recorded:{' '}
        <Anchor
          href={href('assessments', assessmentId, 'iso27001')}
          size="xs"
          c="blue.9"
          underline="always"
        >
          confirm it on the ISO/IEC 27001 tab
        </Anchor>{' '}
        or choose the result above.
      </Text>
    </Alert>
  );
}
