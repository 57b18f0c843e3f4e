import { useState } from 'react';
import { Modal, SimpleGrid, TextInput, Textarea } from '@mantine/core';
import type { AuditProgramme } from '../../../../shared/contracts/audits';
import { errorMessage } from '../../api/error-message';
import { DateField } from '../../components/DateField';
import { FormActions } from '../../components/FormActions';
import { FormStack } from '../../components/FormStack';
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
      <FormStack gap="sm" onSubmit={submit}>
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
        />
        <SimpleGrid cols={2}>
          <DateField label="Period from" required value={periodStart} onChange={setStart} />
          <DateField label="Period to" required value={periodEnd} onChange={setEnd} />
        </SimpleGrid>
        <Textarea
          label="Objectives"
          autosize
          minRows={2}
          value={objectives}
          onChange={(e) => setObjectives(e.currentTarget.value)}
        />
        <FormActions
          failure={failure}
          saving={saving}
          onCancel={onClose}
          submitLabel="Create programme"
        />
      </FormStack>
    </Modal>
  );
}
