import { useState } from 'react';
import { Button, Group, Modal, SimpleGrid, Stack, Text, TextInput, Textarea } from '@mantine/core';
import type { AuditProgramme } from '../../../../shared/contracts/audits';
import { errorMessage } from '../../api/error-message';
import { saveProgramme } from '../../stores/audits';

const year = new Date().getFullYear();

/** A new internal audit programme: by default three calendar years from this one. */
export function ProgrammeModal({
  engagementId,
  onClose,
  onSaved,
}: {
  engagementId: string;
  onClose(): void;
  onSaved(programme: AuditProgramme): void;
}) {
  const [title, setTitle] = useState(`Internal audit programme ${year}–${year + 2}`);
  const [periodStart, setStart] = useState(`${year}-01-01`);
  const [periodEnd, setEnd] = useState(`${year + 2}-12-31`);
  const [objectives, setObjectives] = useState('');
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  async function submit() {
    setSaving(true);
    setFailure(null);
    try {
      onSaved(await saveProgramme({ engagementId, title, periodStart, periodEnd, objectives }));
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }
  return (
    <Modal opened onClose={onClose} title="New internal audit programme" size="lg">
      <Stack
        gap="sm"
        component="form"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label="Period from"
            required
            value={periodStart}
            onChange={(e) => setStart(e.currentTarget.value)}
          />
          <TextInput
            type="date"
            label="Period to"
            required
            value={periodEnd}
            onChange={(e) => setEnd(e.currentTarget.value)}
          />
        </SimpleGrid>
        <Textarea
          label="Objectives"
          autosize
          minRows={2}
          value={objectives}
          onChange={(e) => setObjectives(e.currentTarget.value)}
        />
        {failure && (
          <Text c="red.7" size="sm" role="alert">
            {failure}
          </Text>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            Create programme
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
