import { useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ReuseRequirement } from '../../../../shared/contracts/iso27001';
import { resultLabels } from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIso27001 } from '../../stores/iso27001';
import { SuggestedLabel } from './SuggestedLabel';

interface Props {
  assessmentId: string;
  requirement: ReuseRequirement;
  suggestion: NonNullable<ReuseRequirement['suggestion']>;
  readOnly: boolean;
}

/**
 * The answer the 27001 sheet suggests, marked as such. It is recorded only if the consultant
 * confirms it in a dialog that says what will change; the server checks it is still the same.
 */
export function ConfirmSuggestion({ assessmentId, requirement: r, suggestion, readOnly }: Props) {
  const confirm = useIso27001((s) => s.confirm);
  const [asking, setAsking] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const same = suggestion.result === r.result;

  async function record() {
    setBusy(true);
    setFailure(null);
    try {
      await confirm(assessmentId, r.requirementId, suggestion.result);
      notifications.show({
        color: 'green',
        message: `${r.ref}: ${resultLabels[suggestion.result]} recorded.`,
      });
      setAsking(false);
    } catch (e) {
      setFailure(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Alert color="blue" variant="light" p="xs">
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        {/* The text takes what is left; the button keeps its whole label ("Confirm…" was clipped). */}
        <Stack gap={2} flex={1} miw={0}>
          <SuggestedLabel result={suggestion.result}>
            {same && (
              <Text size="xs" c="dimmed">
                (the answer recorded)
              </Text>
            )}
          </SuggestedLabel>
          <Text size="xs">{suggestion.why}</Text>
        </Stack>
        {!same && r.inScope && (
          <Button
            size="compact-sm"
            variant="default"
            style={{ flexShrink: 0 }}
            disabled={readOnly}
            onClick={() => setAsking(true)}
          >
            Confirm…
          </Button>
        )}
      </Group>
      {asking && (
        <Modal
          opened
          onClose={() => setAsking(false)}
          title={`Record ${resultLabels[suggestion.result]} for ${r.ref}?`}
        >
          <Stack>
            <Text size="sm">
              The answer to {r.ref} changes from {resultLabels[r.result]} to{' '}
              {resultLabels[suggestion.result]}. Your notes, interviewees and follow-up flag stay;
              the notes gain a line saying the result was confirmed from the client&apos;s 27001
              sheet. Confirm only if you have checked it holds for the AI management system.
            </Text>
            {failure && <ErrorAlert message={failure} />}
            <Group justify="flex-end">
              <Button variant="default" onClick={() => setAsking(false)}>
                Cancel
              </Button>
              <Button loading={busy} onClick={() => void record()}>
                Record {resultLabels[suggestion.result]}
              </Button>
            </Group>
          </Stack>
        </Modal>
      )}
    </Alert>
  );
}
