import { useEffect, useState, type FormEvent } from 'react';
import { Alert, Checkbox, Group, MultiSelect, Text, TextInput, Textarea } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { DocumentRow } from '../../../../shared/contracts/documents';
import { auditStageLabels } from '../../../../shared/catalog/guidance';
import { errorMessage } from '../../api/error-message';
import { FormDrawer } from '../../components/FormDrawer';
import { FormFooter } from '../../components/FormFooter';
import { formatDateTime } from '../../format';
import {
  fetchEvidenceChoices,
  useDocuments,
  type DocumentRecordInput,
} from '../../stores/documents';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from '../findings/field-errors';

function initial(row: DocumentRow): DocumentRecordInput {
  const r = row.record;
  return {
    exists: r?.exists ?? false,
    approved: r?.approved ?? false,
    current: r?.current ?? false,
    owner: r?.owner ?? '',
    reviewDate: r?.reviewDate ?? null,
    reference: r?.reference ?? '',
    notes: r?.notes ?? '',
    evidenceIds: row.evidence.map((e) => e.id),
  };
}

/** Records what the consultant saw of one item of documented information. */
export function DocumentDrawer({
  assessment,
  row,
  readOnly,
  onClose,
}: {
  assessment: Assessment;
  row: DocumentRow;
  readOnly: boolean;
  onClose(): void;
}) {
  const save = useDocuments((s) => s.save);
  const [values, setValues] = useState(() => initial(row));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [choices, setChoices] = useState<{ value: string; label: string }[]>(() =>
    row.evidence.map((e) => ({ value: e.id, label: e.title })),
  );
  useEffect(() => {
    let live = true;
    fetchEvidenceChoices(assessment.engagementId).then(
      (list) => live && setChoices(list),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, [assessment.engagementId]);

  const change = (patch: Partial<DocumentRecordInput>) => {
    // Approval and currency presuppose that the item exists; the main side refuses otherwise.
    setValues((v) => {
      const next = { ...v, ...patch };
      return next.exists ? next : { ...next, approved: false, current: false };
    });
    setErrors({});
    setFailure(null);
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    setSaving(true);
    setFailure(null);
    try {
      await save(assessment.id, row.key, { ...values, reviewDate: values.reviewDate || null });
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <FormDrawer
      title={`${row.label} (${row.ref})`}
      onClose={onClose}
      onSubmit={submit}
      failure={failure}
      size="lg"
    >
      <Text size="sm" c="dimmed">
        Needed first at stage {row.stage} ({auditStageLabels[row.stage].toLowerCase()}).
        {row.sharedWith.length > 0 &&
          ` ${row.sharedWith.join(', ')} ${row.sharedWith.length === 1 ? 'shares' : 'share'} this artefact; a missing one counts against ${row.countsAgainst} only.`}
      </Text>
      {!row.required && (
        <Alert color="gray" variant="light">
          Not required while the SoA excludes {row.control}. A record here is kept, and counts again
          if the control is applied.
        </Alert>
      )}
      <Checkbox
        label="Exists: you saw the document or the records"
        checked={values.exists}
        disabled={readOnly}
        onChange={(e) => change({ exists: e.currentTarget.checked })}
      />
      <Checkbox
        label="Approved by whoever must approve it"
        checked={values.approved}
        disabled={readOnly || !values.exists}
        error={fieldMessage(errors, 'approved', 'Approved')}
        onChange={(e) => change({ approved: e.currentTarget.checked })}
      />
      <Checkbox
        label="Current: the version in use, kept up to date"
        checked={values.current}
        disabled={readOnly || !values.exists}
        error={fieldMessage(errors, 'current', 'Current')}
        onChange={(e) => change({ current: e.currentTarget.checked })}
      />
      <Group grow align="flex-start">
        <TextInput
          label="Owner"
          description="Who keeps it up to date at the organisation"
          value={values.owner}
          maxLength={200}
          disabled={readOnly}
          error={fieldMessage(errors, 'owner', 'The owner')}
          onChange={(e) => change({ owner: e.currentTarget.value })}
        />
        <TextInput
          type="date"
          label="Next review"
          description="After this date it is overdue"
          value={values.reviewDate ?? ''}
          disabled={readOnly}
          error={fieldMessage(errors, 'reviewDate', 'The review date')}
          onChange={(e) => change({ reviewDate: e.currentTarget.value || null })}
        />
      </Group>
      <TextInput
        label="Reference"
        description="Its identifier, version or where it is kept"
        placeholder="POL-AI-01 v3, policy portal"
        value={values.reference}
        maxLength={500}
        disabled={readOnly}
        error={fieldMessage(errors, 'reference', 'The reference')}
        onChange={(e) => change({ reference: e.currentTarget.value })}
      />
      <MultiSelect
        label="Evidence"
        description="Files in the evidence vault that show it"
        data={choices}
        value={values.evidenceIds}
        searchable
        clearable
        nothingFoundMessage="No evidence of this engagement matches"
        disabled={readOnly}
        error={fieldMessage(errors, 'evidenceIds', 'The evidence')}
        onChange={(ids) => change({ evidenceIds: ids })}
      />
      <Textarea
        label="Notes"
        autosize
        minRows={2}
        maxRows={8}
        maxLength={20000}
        value={values.notes}
        disabled={readOnly}
        onChange={(e) => change({ notes: e.currentTarget.value })}
      />
      {row.record && (
        <Text size="xs" c="dimmed">
          Last saved {formatDateTime(row.record.updatedAt)} by {row.record.updatedBy}
        </Text>
      )}
      {!readOnly && <FormFooter onCancel={onClose} saving={saving} submitLabel="Save record" />}
    </FormDrawer>
  );
}
