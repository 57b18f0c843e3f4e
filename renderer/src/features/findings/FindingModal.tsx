import { useState, type FormEvent } from 'react';
import {
  Button,
  Divider,
  Group,
  Modal,
  Select,
  SimpleGrid,
  Stack,
  Textarea,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Finding, FindingInput } from '../../../../shared/contracts/findings';
import {
  findingGradeLabels,
  findingGrades,
  findingStatusLabels,
  findingStatuses,
  type FindingGrade,
  type FindingStatus,
} from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFindings } from '../../stores/findings';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from './field-errors';
import { TargetEvidencePanel } from '../evidence/TargetEvidencePanel';
import { useRequirementOptions, withCurrent } from './requirement-options';

interface Props {
  assessment: Assessment;
  opened: boolean;
  onClose(): void;
  /** The finding to edit; without it the modal raises a new one. */
  finding?: Finding | null;
  /** Prefills the requirement of a new finding (the interview screen's current requirement). */
  requirementId?: string | null;
  onSaved?(finding: Finding): void;
}

type Values = Required<FindingInput>;

const gradeOptions = findingGrades.map((value) => ({ value, label: findingGradeLabels[value] }));
const statusOptions = findingStatuses.map((value) => ({
  value,
  label: findingStatusLabels[value],
}));

function initialValues(finding?: Finding | null, requirementId?: string | null): Values {
  return {
    requirementId: finding?.requirementId ?? requirementId ?? '',
    grade: finding?.grade ?? 'minor',
    statement: finding?.statement ?? '',
    evidenceRef: finding?.evidenceRef ?? '',
    recommendation: finding?.recommendation ?? '',
    owner: finding?.owner ?? '',
    dueDate: finding?.dueDate ?? null,
    status: finding?.status ?? 'open',
  };
}

/** Raises or edits a finding; the main side validates again and its messages land on the fields. */
export function FindingModal(props: Props) {
  const { opened, onClose, finding } = props;
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      size="xl"
      title={finding ? `Edit finding ${finding.ref}` : 'Raise a finding'}
    >
      {/* Mounted per opening, so each starts from the finding, not from the last draft. */}
      {opened && <FindingForm {...props} />}
      {opened && finding && (
        <Stack gap="xs" mt="lg">
          <Divider label="Evidence for this finding" labelPosition="left" />
          <TargetEvidencePanel
            engagementId={props.assessment.engagementId}
            target={{ findingId: finding.id }}
          />
        </Stack>
      )}
    </Modal>
  );
}

function FindingForm({ assessment, onClose, finding, requirementId, onSaved }: Props) {
  const { create, update } = useFindings();
  const requirements = useRequirementOptions(assessment);
  const [values, setValues] = useState<Values>(() => initialValues(finding, requirementId));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const set = <K extends keyof Values>(key: K, value: Values[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    setErrors((e) => ({ ...e, [key]: '' }));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    const found: FieldErrors = {};
    if (!values.requirementId)
      found.requirementId = 'Choose the requirement this finding is against.';
    if (!values.statement.trim())
      found.statement = 'Write the finding statement: what was found, against what.';
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    setSaving(true);
    setFailure(null);
    try {
      const saved = finding
        ? await update(finding.id, values)
        : await create(assessment.id, values);
      notifications.show({
        color: 'green',
        message: finding
          ? `${saved.ref} saved.`
          : `${saved.ref} raised against ${saved.requirementRef}.`,
      });
      onSaved?.(saved);
      onClose();
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const options = withCurrent(requirements.options, requirements.byId, [values.requirementId]);
  return (
    <form onSubmit={(e) => void submit(e)} noValidate aria-label="Finding">
      <Stack gap="sm">
        {failure && <ErrorAlert message={failure} />}
        <Select
          label="Requirement"
          description="The clause or control the finding is against."
          required
          searchable
          data={options}
          value={values.requirementId || null}
          onChange={(v) => set('requirementId', v ?? '')}
          error={errors.requirementId && fieldMessage(errors, 'requirementId', 'The requirement')}
          nothingFoundMessage={
            requirements.loading ? 'Loading the catalog…' : 'No requirement matches'
          }
          limit={100}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Grade"
            required
            data={gradeOptions}
            value={values.grade}
            allowDeselect={false}
            onChange={(v) => v && set('grade', v as FindingGrade)}
            error={fieldMessage(errors, 'grade', 'The grade')}
          />
          <Select
            label="Status"
            required
            // A finding closes and reopens only through its corrective action (the main side
            // refuses it here too); the list says so rather than offering a choice that fails.
            data={statusOptions.map((o) => ({
              ...o,
              disabled: (o.value === 'closed') !== (finding?.status === 'closed'),
            }))}
            disabled={finding?.status === 'closed'}
            description={
              finding?.status === 'closed'
                ? 'Closed through its corrective action; reopen it there.'
                : 'Closes through its corrective action (effective review or acceptance).'
            }
            value={values.status}
            allowDeselect={false}
            onChange={(v) => v && set('status', v as FindingStatus)}
            error={fieldMessage(errors, 'status', 'The status')}
          />
        </SimpleGrid>
        <Textarea
          label="Statement"
          description="What was found, against which requirement, and why it matters."
          required
          data-autofocus
          autosize
          minRows={3}
          maxRows={12}
          value={values.statement}
          onChange={(e) => set('statement', e.currentTarget.value)}
          error={errors.statement && fieldMessage(errors, 'statement', 'The statement')}
        />
        <TextInput
          label="Evidence reference"
          description="The document, record or interview that shows it."
          value={values.evidenceRef}
          onChange={(e) => set('evidenceRef', e.currentTarget.value)}
          error={fieldMessage(errors, 'evidenceRef', 'The evidence reference')}
          maxLength={2000}
        />
        <Textarea
          label="Recommendation"
          autosize
          minRows={2}
          maxRows={10}
          value={values.recommendation}
          onChange={(e) => set('recommendation', e.currentTarget.value)}
          error={fieldMessage(errors, 'recommendation', 'The recommendation')}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Owner"
            description="Who in the client organisation acts on it."
            value={values.owner}
            onChange={(e) => set('owner', e.currentTarget.value)}
            error={fieldMessage(errors, 'owner', 'The owner')}
            maxLength={200}
          />
          <TextInput
            type="date"
            label="Due date"
            description="When the corrective action is due."
            value={values.dueDate ?? ''}
            onChange={(e) => set('dueDate', e.currentTarget.value || null)}
            error={fieldMessage(errors, 'dueDate', 'The due date')}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose} disabled={saving}>
            Cancel
          </Button>
          <Button type="submit" loading={saving}>
            {finding ? 'Save finding' : 'Raise finding'}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
