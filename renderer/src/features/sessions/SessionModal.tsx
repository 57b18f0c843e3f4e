import { useState, type FormEvent } from 'react';
import {
  Button,
  Group,
  Modal,
  MultiSelect,
  Stack,
  TagsInput,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { InterviewSession } from '../../../../shared/contracts/sessions';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessions } from '../../stores/sessions';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from '../findings/field-errors';
import { useRequirementOptions, withCurrent } from '../findings/requirement-options';
import { isoToLocalInput, localInputToIso, nowLocalInput } from './datetime';
import { IntervieweeRows, newIntervieweeRow, type IntervieweeRow } from './IntervieweeRows';

interface Props {
  assessment: Assessment;
  opened: boolean;
  onClose(): void;
  /** The session to edit; without it the modal records a new one. */
  session: InterviewSession | null;
}

interface Draft {
  heldAt: string;
  interviewees: IntervieweeRow[];
  attendees: string[];
  requirementIds: string[];
  notes: string;
}

function draftOf(session: InterviewSession | null): Draft {
  return {
    heldAt: session ? isoToLocalInput(session.heldAt) : nowLocalInput(),
    interviewees: session
      ? session.interviewees.map((p) => newIntervieweeRow(p.name, p.role))
      : [newIntervieweeRow()],
    attendees: session?.attendees ?? [],
    requirementIds: session?.requirementIds ?? [],
    notes: session?.notes ?? '',
  };
}

export function SessionModal(props: Props) {
  const { opened, onClose, session } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={session ? 'Edit interview session' : 'Record an interview session'}
    >
      {/* Mounted per opening, so each starts from the session, not from the last draft. */}
      {opened && <SessionForm {...props} />}
    </Modal>
  );
}

function SessionForm({ assessment, onClose, session }: Props) {
  const { create, update } = useSessions();
  const requirements = useRequirementOptions(assessment);
  const [draft, setDraft] = useState<Draft>(() => draftOf(session));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const heldAt = localInputToIso(draft.heldAt);
    // Rows left blank are dropped; a role without a name is a mistake worth naming.
    const rows = draft.interviewees.filter((r) => r.name.trim() || r.role.trim());
    const found: FieldErrors = {};
    if (!heldAt) found.heldAt = 'Enter the date and time the session was held.';
    rows.forEach((r, i) => {
      if (!r.name.trim())
        found[`interviewees.${i}.name`] = 'Name the person interviewed in this role.';
    });
    if (rows.length !== draft.interviewees.length) set('interviewees', rows);
    setErrors(found);
    if (Object.keys(found).length > 0 || !heldAt) return;
    const input = {
      heldAt,
      interviewees: rows.map((r) => ({ name: r.name.trim(), role: r.role.trim() })),
      attendees: draft.attendees,
      requirementIds: draft.requirementIds,
      notes: draft.notes,
    };
    setSaving(true);
    setFailure(null);
    try {
      if (session) await update(session.id, input);
      else await create(assessment.id, input);
      notifications.show({
        color: 'green',
        message: session ? 'Session saved.' : 'Session recorded.',
      });
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Interview session">
      <Stack gap="sm">
        {failure && <ErrorAlert message={failure} />}
        <TextInput
          type="datetime-local"
          label="Date and time"
          description="Local time; it is stored with your time zone's offset."
          required
          data-autofocus
          value={draft.heldAt}
          onChange={(e) => set('heldAt', e.currentTarget.value)}
          error={fieldMessage(errors, 'heldAt', 'The date and time')}
          w={280}
        />
        <IntervieweeRows
          rows={draft.interviewees}
          errors={errors}
          onChange={(rows) => set('interviewees', rows)}
        />
        <TagsInput
          label="Attendees"
          description="Assessors and observers present. Press Enter after each name."
          value={draft.attendees}
          onChange={(v) => set('attendees', v)}
          error={fieldMessage(errors, 'attendees', 'The attendees')}
          clearable
          maxTags={100}
        />
        <MultiSelect
          label="Requirements covered"
          description="Answers recorded during the session add their requirement here too."
          data={withCurrent(requirements.options, requirements.byId, draft.requirementIds)}
          value={draft.requirementIds}
          onChange={(v) => set('requirementIds', v)}
          error={
            fieldMessage(errors, 'requirementIds', 'The requirements') ??
            Object.entries(errors).find(([k]) => k.startsWith('requirementIds.'))?.[1]
          }
          searchable
          clearable
          limit={100}
          nothingFoundMessage={
            requirements.loading ? 'Loading the catalog…' : 'No requirement matches'
          }
          maxDropdownHeight={280}
        />
        <Textarea
          label="Notes"
          autosize
          minRows={3}
          maxRows={12}
          value={draft.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
          error={fieldMessage(errors, 'notes', 'The notes')}
        />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {session ? 'Save session' : 'Record session'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
