import { useEffect, useState } from 'react';
import { Button, Group, Loader, Paper, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconUsers } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { InterviewSession } from '../../../../shared/contracts/sessions';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useSessions } from '../../stores/sessions';
import { isReadOnly } from '../../stores/workspace';
import { ReadOnlyTooltip } from '../findings/ReadOnlyTooltip';
import { useRequirementOptions } from '../findings/requirement-options';
import { SessionCard } from './SessionCard';
import { SessionModal } from './SessionModal';

/** Interview sessions: when, who was interviewed about what; the report lists them. */
export function SessionsTab({ assessment }: { assessment: Assessment }) {
  const { items, status, error, load, remove } = useSessions();
  const { byId } = useRequirementOptions(assessment);
  const [editing, setEditing] = useState<InterviewSession | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const readOnly = isReadOnly(assessment);

  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  const openNew = () => {
    setEditing(null);
    setModalOpen(true);
  };

  const confirmDelete = (s: InterviewSession) =>
    modals.openConfirmModal({
      title: `Delete the session of ${formatDateTime(s.heldAt)}?`,
      children: (
        <Text size="sm">
          The session record is deleted.
          {s.answerCount > 0
            ? ` The ${s.answerCount} answer${s.answerCount === 1 ? '' : 's'} recorded in it stay, without the session.`
            : ''}{' '}
          The deletion is kept in the audit trail.
        </Text>
      ),
      labels: { confirm: 'Delete session', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(s.id)
          .then(() => notifications.show({ message: 'Session deleted.' }))
          .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
      },
    });

  const newButton = (
    <ReadOnlyTooltip readOnly={readOnly}>
      <Button leftSection={<IconPlus size={16} />} onClick={openNew} disabled={readOnly}>
        Record session
      </Button>
    </ReadOnlyTooltip>
  );

  return (
    <>
      <SessionModal
        assessment={assessment}
        opened={modalOpen}
        session={editing}
        onClose={() => setModalOpen(false)}
      />
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed">
          {items.length === 0
            ? 'No sessions recorded.'
            : `${items.length} session${items.length === 1 ? '' : 's'}, latest first`}
        </Text>
        {items.length > 0 && newButton}
      </Group>
      {status === 'error' && error && (
        <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />
      )}
      {status === 'loading' && <Loader aria-label="Loading sessions" />}
      {status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconUsers size={28} />}
            title="No interview sessions yet"
            action={newButton}
          >
            Record each interview: when it was held, who was interviewed in which role, who attended
            and which requirements it covered. Answers given during a session remember it, so the
            report can say who was asked about what.
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <Stack gap="sm">
          {items.map((s) => (
            <SessionCard
              key={s.id}
              session={s}
              requirements={byId}
              readOnly={readOnly}
              onEdit={() => {
                setEditing(s);
                setModalOpen(true);
              }}
              onDelete={() => confirmDelete(s)}
            />
          ))}
        </Stack>
      )}
    </>
  );
}
