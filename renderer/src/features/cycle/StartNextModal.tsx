import { useState } from 'react';
import { Button, Group, List, Modal, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { errorMessage } from '../../api/error-message';
import { navigate } from '../../router/hash-route';
import { useCycle } from '../../stores/cycle';
import { nextTitle } from './labels';

/** "Start the next assessment": what is carried over is said before anything is created. */
export function StartNextModal({
  assessment,
  opened,
  onClose,
}: {
  assessment: Assessment;
  opened: boolean;
  onClose(): void;
}) {
  const startNext = useCycle((s) => s.startNext);
  const [title, setTitle] = useState(() => nextTitle(assessment.title));
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  async function start() {
    setBusy(true);
    setError(null);
    try {
      const created = await startNext({
        assessmentId: assessment.id,
        title,
        plannedStart: plannedStart || null,
        plannedEnd: plannedEnd || null,
      });
      notifications.show({ color: 'green', message: `“${created.title}” started.` });
      onClose();
      navigate('assessments', created.id, 'settings');
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="Start the next assessment" size="lg">
      <Stack gap="sm">
        <Text size="sm">
          A new assessment of {assessment.clientName} starts from “{assessment.title}”. It carries
          over, for you to confirm one by one:
        </Text>
        <List size="sm" spacing={2}>
          <List.Item>the areas left out of scope and the scoping answers;</List.Item>
          <List.Item>every Statement of Applicability decision with its justification;</List.Item>
          <List.Item>
            the findings still open — they stay open, under their own references.
          </List.Item>
        </List>
        <Text size="sm">
          No answer is copied: the interview shows last time&apos;s result, notes and findings
          beside each new, empty answer. Evidence stays linked and shows its age and expiry.
        </Text>
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={error}
          data-autofocus
        />
        <SimpleGrid cols={{ base: 1, xs: 2 }}>
          <TextInput
            type="date"
            label="Planned start"
            value={plannedStart}
            onChange={(e) => setPlannedStart(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Planned end"
            value={plannedEnd}
            onChange={(e) => setPlannedEnd(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void start()} loading={busy} disabled={!title.trim()}>
            Start the next assessment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
