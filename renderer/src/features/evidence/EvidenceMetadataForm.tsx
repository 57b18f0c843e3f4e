import { useState } from 'react';
import { Button, Group, Select, SimpleGrid, Stack, TextInput, Textarea } from '@mantine/core';
import type { EvidenceDetail } from '../../../../shared/contracts/evidence';
import {
  evidenceClassifications,
  evidenceStatuses,
  type EvidenceClassification,
  type EvidenceStatus,
} from '../../../../shared/rules/evidence-status';
import { errorMessage } from '../../api/error-message';
import { useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { classificationLabels, statusLabels } from './labels';

export function EvidenceMetadataForm({
  item,
  onSaved,
}: {
  item: EvidenceDetail;
  onSaved: (item: EvidenceDetail) => void;
}) {
  const [v, setV] = useState({
    title: item.title,
    description: item.description,
    providedBy: item.providedBy,
    owner: item.owner,
    collectedOn: item.collectedOn ?? '',
    validUntil: item.validUntil ?? '',
    reviewDue: item.reviewDue ?? '',
    classification: item.classification,
    status: item.status,
  });
  const saveDetails = useEvidence((s) => s.saveDetails);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const field = (key: keyof typeof v) => (e: { currentTarget: { value: string } }) =>
    setV({ ...v, [key]: e.currentTarget.value });

  async function save() {
    setSaving(true);
    setError(null);
    try {
      const saved = await saveDetails(item.id, {
        ...v,
        collectedOn: v.collectedOn || null,
        validUntil: v.validUntil || null,
        reviewDue: v.reviewDue || null,
      });
      onSaved(saved);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Stack gap="sm">
      <TextInput label="Title" required value={v.title} onChange={field('title')} />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={v.description}
        onChange={field('description')}
      />
      <SimpleGrid cols={2} spacing="sm">
        <TextInput
          label="Provided by"
          description="Person or interviewee"
          value={v.providedBy}
          onChange={field('providedBy')}
        />
        <TextInput label="Owner" value={v.owner} onChange={field('owner')} />
        <TextInput
          label="Date collected"
          type="date"
          value={v.collectedOn}
          onChange={field('collectedOn')}
        />
        <TextInput
          label="Valid until"
          type="date"
          description="After this date the item shows as expired"
          value={v.validUntil}
          onChange={field('validUntil')}
        />
        <TextInput
          label="Review by"
          type="date"
          description="After this date the item shows as stale until reviewed"
          value={v.reviewDue}
          onChange={field('reviewDue')}
        />
        <Select
          label="Classification"
          allowDeselect={false}
          data={evidenceClassifications.map((c) => ({ value: c, label: classificationLabels[c] }))}
          value={v.classification}
          onChange={(c) => c && setV({ ...v, classification: c as EvidenceClassification })}
        />
        <Select
          label="Status"
          allowDeselect={false}
          data={evidenceStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
          value={v.status}
          onChange={(s) => s && setV({ ...v, status: s as EvidenceStatus })}
        />
      </SimpleGrid>
      {error && <ErrorAlert message={error} />}
      <Group justify="flex-end">
        <Button loading={saving} onClick={() => void save()}>
          Save details
        </Button>
      </Group>
    </Stack>
  );
}
