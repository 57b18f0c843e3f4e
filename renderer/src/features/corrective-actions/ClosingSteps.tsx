import { useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Paper,
  Radio,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { CorrectiveAction } from '../../../../shared/contracts/corrective-actions';
import { isClosing } from '../../../../shared/rules/corrective-actions';
import { errorMessage } from '../../api/error-message';
import { formatDate } from '../../format';
import type { ActionReview } from '../../stores/corrective-actions';

const today = () => new Date().toISOString().slice(0, 10);

function Failure({ message }: { message: string | null }) {
  if (!message) return null;
  return (
    <Text c="red.7" size="sm" role="alert">
      {message}
    </Text>
  );
}

/** Runs a step, keeping its failure on screen next to the button that asked for it. */
function useStep() {
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const run = async (step: () => Promise<unknown>) => {
    setBusy(true);
    setFailure(null);
    try {
      await step();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, run };
}

function ReviewForm({ onReview }: { onReview(review: ActionReview): Promise<unknown> }) {
  const [reviewedOn, setReviewedOn] = useState(today());
  const [reviewer, setReviewer] = useState('');
  const [effective, setEffective] = useState<'yes' | 'no' | null>(null);
  const [notes, setNotes] = useState('');
  const step = useStep();
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label="Effectiveness review"
      onSubmit={(e) => {
        e.preventDefault();
        if (!effective) return;
        void step.run(() =>
          onReview({ reviewedOn, reviewer, effective: effective === 'yes', notes }),
        );
      }}
    >
      <Title order={5}>Effectiveness review</Title>
      <Text size="sm" c="dimmed">
        Check, after the action, that the nonconformity has not recurred. Effective closes the
        finding; not effective sends the action back to be carried out again.
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label="Reviewed on"
          required
          value={reviewedOn}
          onChange={(e) => setReviewedOn(e.currentTarget.value)}
        />
        <TextInput
          label="Reviewer"
          required
          value={reviewer}
          maxLength={200}
          onChange={(e) => setReviewer(e.currentTarget.value)}
        />
      </SimpleGrid>
      <Radio.Group
        label="Was the action effective?"
        required
        value={effective}
        onChange={(v) => setEffective(v as 'yes' | 'no')}
      >
        <Group mt={4}>
          <Radio value="yes" label="Effective — close the finding" />
          <Radio value="no" label="Not effective — act again" />
        </Group>
      </Radio.Group>
      <Textarea
        label="Review notes"
        description="What was sampled or checked, and what it showed."
        autosize
        minRows={2}
        value={notes}
        onChange={(e) => setNotes(e.currentTarget.value)}
      />
      <Failure message={step.failure} />
      <Group justify="flex-end">
        <Button type="submit" loading={step.busy} disabled={!effective || !reviewer.trim()}>
          Record review
        </Button>
      </Group>
    </Stack>
  );
}

function ReasonForm({
  label,
  description,
  button,
  colour,
  onSubmit,
}: {
  label: string;
  description: string;
  button: string;
  colour?: string;
  onSubmit(reason: string): Promise<unknown>;
}) {
  const [reason, setReason] = useState('');
  const step = useStep();
  return (
    <Stack
      gap="xs"
      component="form"
      aria-label={button}
      onSubmit={(e) => {
        e.preventDefault();
        void step.run(() => onSubmit(reason));
      }}
    >
      <Textarea
        label={label}
        description={description}
        required
        autosize
        minRows={2}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
      />
      <Failure message={step.failure} />
      <Group justify="flex-end">
        <Button type="submit" color={colour} loading={step.busy} disabled={!reason.trim()}>
          {button}
        </Button>
      </Group>
    </Stack>
  );
}

interface Props {
  action: CorrectiveAction | null;
  findingClosed: boolean;
  readOnly: boolean;
  onReview(review: ActionReview): Promise<unknown>;
  onAccept(reason: string): Promise<unknown>;
  onReopen(reason: string): Promise<unknown>;
}

/**
 * How an action ends: its effectiveness review once completed, or an explicit acceptance with a
 * reason; and, for a closed finding, reopening it with the reason. What was decided stays shown.
 */
export function ClosingSteps({
  action,
  findingClosed,
  readOnly,
  onReview,
  onAccept,
  onReopen,
}: Props) {
  const [accepting, setAccepting] = useState(false);
  const reviewed = action?.reviewedOn ? action : null;
  return (
    <Stack gap="md">
      {reviewed && (
        <Paper withBorder p="sm" radius="md" aria-label="Last review">
          <Text size="sm" fw={700}>
            {reviewed.effective ? 'Verified effective' : 'Found not effective'} on{' '}
            {formatDate(reviewed.reviewedOn ?? '')} by {reviewed.reviewer}
          </Text>
          {reviewed.reviewNotes && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
              {reviewed.reviewNotes}
            </Text>
          )}
        </Paper>
      )}
      {action?.status === 'accepted' && (
        <Paper withBorder p="sm" radius="md" aria-label="Acceptance">
          <Text size="sm" fw={700}>
            Accepted on {formatDate(action.acceptedOn ?? '')} by {action.acceptedBy}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {action.acceptedReason}
          </Text>
        </Paper>
      )}
      {!readOnly && action?.status === 'awaiting-review' && <ReviewForm onReview={onReview} />}
      {!readOnly && action?.status === 'not-effective' && (
        <Alert color="orange" title="Act again">
          The review found the action did not work. Change the action above and record its new
          completion date; a new review follows.
        </Alert>
      )}
      {!readOnly && !findingClosed && (!action || !isClosing(action.status)) && (
        <Stack gap="xs">
          {!accepting ? (
            <Group>
              <Button variant="default" size="xs" onClick={() => setAccepting(true)}>
                Accept without a verified action…
              </Button>
            </Group>
          ) : (
            <ReasonForm
              label="Reason for accepting"
              description="Why the organisation closes this finding without a verified action (recorded with your name and today's date)."
              button="Accept and close the finding"
              onSubmit={onAccept}
            />
          )}
        </Stack>
      )}
      {!readOnly && findingClosed && (
        <ReasonForm
          label="Reason for reopening"
          description="The nonconformity recurred, or the closure was wrong. The action goes back to open; its history stays in the audit trail."
          button="Reopen the finding"
          colour="orange"
          onSubmit={onReopen}
        />
      )}
    </Stack>
  );
}
