import { useEffect, useState, type ReactNode } from 'react';
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type {
  ManagementReview,
  ReviewDecision,
  ReviewInputs,
} from '../../../../shared/contracts/management-reviews';
import type { ReviewStatus } from '../../../../shared/rules/management-review';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { MeetingDates, datesToSave, type OneDay } from '../../components/MeetingDates';
import { FormStack } from '../../components/FormStack';
import { useFormSave } from '../../components/use-form-save';
import { fetchReviewInputs, saveReview } from '../../stores/management-reviews';
import { DecisionsEditor } from './DecisionsEditor';
import { ReviewInputsView } from './ReviewInputsView';

/** What the organisation brings to the review, beside what Assay compiles. */
const added = [
  ['issuesChanges', 'Changes in internal and external issues'],
  ['interestedParties', 'Feedback from interested parties'],
  ['resources', 'Adequacy of resources'],
  ['opportunities', 'Further opportunities for improvement'],
  ['otherInputs', 'Other inputs'],
] as const;
type AddedField = (typeof added)[number][0];

interface Props {
  engagementId: string;
  review: ManagementReview | null;
  onSaved(review: ManagementReview): void;
  /** Extra actions beside Save (producing the minutes of a held review). */
  extra?: ReactNode;
}

/**
 * One management review: when and who, the inputs Assay compiled (live while planned, frozen
 * once held), what the organisation adds, and the outputs as decisions and actions.
 */
export function ReviewEditor({ engagementId, review, onSaved, extra }: Props) {
  const [title, setTitle] = useState(review?.title ?? 'Management review');
  const [dates, setDates] = useState<OneDay>({
    plannedOn: review?.plannedOn ?? '',
    heldOn: review?.heldOn ?? '',
  });
  const [status, setStatus] = useState<ReviewStatus>(review?.status ?? 'planned');
  const [chair, setChair] = useState(review?.chair ?? '');
  const [attendees, setAttendees] = useState(review?.attendees ?? []);
  const [texts, setTexts] = useState<Record<AddedField, string>>({
    issuesChanges: review?.issuesChanges ?? '',
    interestedParties: review?.interestedParties ?? '',
    resources: review?.resources ?? '',
    opportunities: review?.opportunities ?? '',
    otherInputs: review?.otherInputs ?? '',
  });
  const [decisions, setDecisions] = useState<ReviewDecision[]>(review?.decisions ?? []);
  const [live, setLive] = useState<ReviewInputs | null>(null);
  const { errors, failure, setFailure, saving, save, bindText } = useFormSave();
  const frozen = review?.inputs ?? null;

  useEffect(() => {
    if (frozen) return;
    let alive = true;
    fetchReviewInputs(engagementId)
      .then((i) => alive && setLive(i))
      .catch((e: unknown) => alive && setFailure(errorMessage(e)));
    return () => {
      alive = false;
    };
  }, [engagementId, frozen, setFailure]);

  const submit = () =>
    save(async () => {
      const saved = await saveReview({
        id: review?.id,
        engagementId,
        title,
        ...datesToSave(dates),
        status,
        chair,
        attendees,
        ...texts,
        decisions,
      });
      notifications.show({ message: `“${saved.title}” saved.` });
      onSaved(saved);
    });

  const inputs = frozen ?? live;
  return (
    <FormStack gap="md" label="Management review" onSubmit={submit}>
      <Paper withBorder p="md" radius="md" component="section" aria-label="The meeting">
        <Title order={4} mb="xs">
          The meeting
        </Title>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Title" required {...bindText(title, setTitle, 'title', 'The title')} />
          <Select
            label="Status"
            allowDeselect={false}
            data={[
              { value: 'planned', label: 'Planned' },
              { value: 'held', label: 'Held' },
            ]}
            value={status}
            onChange={(v) => v && setStatus(v as ReviewStatus)}
            disabled={review?.status === 'held'}
          />
          <MeetingDates dates={dates} onChange={setDates} errors={errors} />
          <TextInput
            label="Chair"
            value={chair}
            onChange={(e) => setChair(e.currentTarget.value)}
          />
          <TagsInput
            label="Attendees"
            description="Press Enter after each name."
            value={attendees}
            onChange={setAttendees}
          />
        </SimpleGrid>
        {status === 'held' && !frozen && (
          <Text size="sm" c="dimmed" mt="xs">
            Saving as held freezes the inputs below with the review: the minutes show what was
            reviewed.
          </Text>
        )}
      </Paper>
      <Title order={3}>Inputs compiled by Assay</Title>
      {inputs ? (
        <ReviewInputsView inputs={inputs} />
      ) : failure ? null : (
        <Loader aria-label="Compiling the inputs" />
      )}
      <Paper
        withBorder
        p="md"
        radius="md"
        component="section"
        aria-label="What the organisation adds"
      >
        <Title order={4} mb="xs">
          What the organisation adds
        </Title>
        <Stack gap="sm">
          {added.map(([field, label]) => (
            <Textarea
              key={field}
              label={label}
              autosize
              minRows={2}
              value={texts[field]}
              onChange={(e) => {
                const value = e.currentTarget.value;
                setTexts((t) => ({ ...t, [field]: value }));
              }}
            />
          ))}
        </Stack>
      </Paper>
      <DecisionsEditor decisions={decisions} onChange={setDecisions} errors={errors} />
      {failure && <ErrorAlert message={failure} />}
      {Object.keys(errors).length > 0 && (
        <Alert color="red" title="Not saved">
          Some fields need a change: see the messages beside them.
        </Alert>
      )}
      <Group justify="flex-end">
        {extra}
        <Button type="submit" loading={saving}>
          Save review
        </Button>
      </Group>
    </FormStack>
  );
}
