import { useState, type FormEvent } from 'react';
import { MultiSelect, SimpleGrid, Stack, TagsInput, Textarea, TextInput } from '@mantine/core';
import type { Engagement, EngagementInput } from '../../../../shared/contracts/engagements';
import { aiRoleLabels, aiRoles, type AiRole } from '../../../../shared/domain/ai-roles';
import { CommandError } from '../../../../shared/contracts/envelope';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { FormActions } from '../../components/FormActions';

interface Props {
  initial?: Engagement;
  submitLabel: string;
  onSubmit(input: EngagementInput): Promise<void>;
  onCancel(): void;
}

type FieldErrors = Partial<Record<keyof EngagementInput, string>>;

const roleOptions = aiRoles.map((value) => ({ value, label: aiRoleLabels[value] }));

function emptyInput(initial?: Engagement): Required<EngagementInput> {
  return {
    clientName: initial?.clientName ?? '',
    aimsScope: initial?.aimsScope ?? '',
    aiRoles: initial?.aiRoles ?? [],
    sites: initial?.sites ?? [],
    leadAssessor: initial?.leadAssessor ?? '',
    startDate: initial?.startDate ?? null,
    endDate: initial?.endDate ?? null,
    notes: initial?.notes ?? '',
  };
}

/** Checks a person can be told about before anything is sent; the main side checks again. */
function localErrors(v: Required<EngagementInput>): FieldErrors {
  const errors: FieldErrors = {};
  if (!v.clientName.trim()) errors.clientName = 'Name the client organisation.';
  if (!v.aimsScope.trim()) errors.aimsScope = 'Describe the scope of the AI management system.';
  if (!v.leadAssessor.trim()) errors.leadAssessor = 'Name the lead assessor.';
  if (v.startDate && v.endDate && v.endDate < v.startDate)
    errors.endDate = 'The end date is before the start date.';
  return errors;
}

export function EngagementForm({ initial, submitLabel, onSubmit, onCancel }: Props) {
  const [values, setValues] = useState(() => emptyInput(initial));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof EngagementInput>(key: K, value: Required<EngagementInput>[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: undefined }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found = localErrors(values);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSubmit(values);
    } catch (error) {
      if (error instanceof CommandError && error.code === 'VALIDATION') {
        const fieldErrors: FieldErrors = {};
        for (const issue of error.details?.issues ?? []) {
          fieldErrors[issue.path.split('.')[0] as keyof EngagementInput] = issue.message;
        }
        setErrors(fieldErrors);
      }
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Engagement">
      <Stack gap="md">
        {failure && <ErrorAlert message={failure} />}
        <TextInput
          label="Client organisation"
          required
          data-autofocus
          value={values.clientName}
          error={errors.clientName}
          onChange={(e) => set('clientName', e.currentTarget.value)}
          maxLength={200}
        />
        <Textarea
          label="AIMS scope statement"
          description="What the AI management system covers: units, sites, AI systems, products and services."
          required
          autosize
          minRows={3}
          maxRows={12}
          value={values.aimsScope}
          error={errors.aimsScope}
          onChange={(e) => set('aimsScope', e.currentTarget.value)}
        />
        <MultiSelect
          label="The organisation's AI roles"
          description="How the organisation stands towards the AI systems in scope."
          data={roleOptions}
          value={values.aiRoles}
          error={errors.aiRoles}
          onChange={(value) => set('aiRoles', value as AiRole[])}
          clearable
          searchable
        />
        <TagsInput
          label="Sites"
          description="Press Enter after each site."
          value={values.sites}
          error={errors.sites}
          onChange={(value) => set('sites', value)}
          clearable
        />
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput
            label="Lead assessor"
            required
            value={values.leadAssessor}
            error={errors.leadAssessor}
            onChange={(e) => set('leadAssessor', e.currentTarget.value)}
            maxLength={200}
          />
          <TextInput
            type="date"
            label="Start date"
            value={values.startDate ?? ''}
            error={errors.startDate}
            onChange={(e) => set('startDate', e.currentTarget.value || null)}
          />
          <TextInput
            type="date"
            label="End date"
            value={values.endDate ?? ''}
            error={errors.endDate}
            onChange={(e) => set('endDate', e.currentTarget.value || null)}
          />
        </SimpleGrid>
        <Textarea
          label="Notes"
          autosize
          minRows={2}
          maxRows={10}
          value={values.notes}
          error={errors.notes}
          onChange={(e) => set('notes', e.currentTarget.value)}
        />
        <FormActions saving={saving} submitLabel={submitLabel} onCancel={onCancel} />
      </Stack>
    </form>
  );
}
