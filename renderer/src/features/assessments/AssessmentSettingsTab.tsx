import { useState } from 'react';
import {
  Button,
  Group,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import {
  assessmentStatuses,
  assessmentStatusLabels,
  type AssessmentStatus,
} from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { useWorkspace } from '../../stores/workspace';
import { navigate } from '../../router/hash-route';
import { ScopePicker } from './ScopePicker';
import { ScopingQuestions } from './ScopingQuestions';
import { CarriedOverPanel } from '../cycle/CarriedOverPanel';

export function AssessmentSettingsTab({ assessment }: { assessment: Assessment }) {
  const workspace = useWorkspace();
  const final = assessment.status === 'final';
  const [title, setTitle] = useState(assessment.title);
  const [plannedStart, setPlannedStart] = useState(assessment.plannedStart ?? '');
  const [plannedEnd, setPlannedEnd] = useState(assessment.plannedEnd ?? '');
  const [excluded, setExcluded] = useState(assessment.excludedAreas);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);

  async function run(action: () => Promise<Assessment>, message: string) {
    setBusy(true);
    try {
      await action();
      notifications.show({ color: 'green', message });
    } catch (error) {
      notifications.show({ color: 'red', message: errorMessage(error) });
    } finally {
      setBusy(false);
    }
  }

  const saveDetails = () =>
    run(
      () =>
        workspace.update(assessment.id, {
          title,
          excludedAreas: excluded,
          plannedStart: plannedStart || null,
          plannedEnd: plannedEnd || null,
        }),
      'Assessment details saved.',
    );

  const changeStatus = (status: AssessmentStatus) => {
    const apply = () =>
      run(
        () => workspace.setStatus(assessment.id, status),
        `Status set to ${assessmentStatusLabels[status]}.`,
      );
    if (status !== 'final') return void apply();
    modals.openConfirmModal({
      title: 'Make this assessment final?',
      children: (
        <Text size="sm">
          A final assessment is read-only: answers, findings and the SoA can no longer change until
          someone reopens it with a reason.
        </Text>
      ),
      labels: { confirm: 'Make final', cancel: 'Not yet' },
      onConfirm: () => void apply(),
    });
  };

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete “${assessment.title}”?`,
      children: (
        <Text size="sm">
          This deletes the assessment with its {assessment.progress.assessed} answers, its sessions,
          findings and Statement of Applicability. The deletion is kept in the audit trail. It
          cannot be undone.
        </Text>
      ),
      labels: { confirm: 'Delete assessment', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        workspace
          .remove(assessment.id)
          .then(() => {
            notifications.show({ message: 'Assessment deleted.' });
            navigate('assessments');
          })
          .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
      },
    });

  return (
    <Stack gap="md" maw={980}>
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">
          Status
        </Title>
        {final ? (
          <Stack gap="xs">
            <Text size="sm">
              This assessment is final. Reopening it is recorded in the audit trail with your
              reason.
            </Text>
            <Textarea
              label="Reason for reopening"
              required
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              autosize
              minRows={2}
            />
            <Group>
              <Button
                disabled={!reason.trim()}
                loading={busy}
                onClick={() =>
                  void run(
                    () => workspace.reopen(assessment.id, reason),
                    'Assessment reopened for review.',
                  )
                }
              >
                Reopen assessment
              </Button>
            </Group>
          </Stack>
        ) : (
          <Select
            label="Status"
            data={assessmentStatuses.map((s) => ({ value: s, label: assessmentStatusLabels[s] }))}
            value={assessment.status}
            onChange={(v) => v && changeStatus(v as AssessmentStatus)}
            allowDeselect={false}
            w={260}
          />
        )}
      </Paper>
      <CarriedOverPanel assessment={assessment} />
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="sm">
          Details and scope
        </Title>
        <Stack gap="sm">
          <TextInput
            label="Title"
            required
            value={title}
            disabled={final}
            onChange={(e) => setTitle(e.currentTarget.value)}
          />
          <SimpleGrid cols={2}>
            <TextInput
              type="date"
              label="Planned start"
              value={plannedStart}
              disabled={final}
              onChange={(e) => setPlannedStart(e.currentTarget.value)}
            />
            <TextInput
              type="date"
              label="Planned end"
              value={plannedEnd}
              disabled={final}
              onChange={(e) => setPlannedEnd(e.currentTarget.value)}
            />
          </SimpleGrid>
          <Text size="sm" c="dimmed">
            Areas left out keep any answers already given; they just no longer count.
          </Text>
          <ScopePicker excluded={excluded} onChange={setExcluded} />
          <Group>
            <Button
              onClick={() => void saveDetails()}
              loading={busy}
              disabled={final || !title.trim()}
            >
              Save details
            </Button>
          </Group>
        </Stack>
      </Paper>
      <ScopingQuestions assessment={assessment} />
      <Paper withBorder p="lg" radius="md">
        <Title order={4} mb="xs">
          Delete
        </Title>
        <Button color="red" variant="light" onClick={confirmDelete}>
          Delete assessment
        </Button>
      </Paper>
    </Stack>
  );
}
