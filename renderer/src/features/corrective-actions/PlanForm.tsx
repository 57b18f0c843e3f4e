import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import type { CorrectiveAction } from '../../../../shared/contracts/corrective-actions';
import {
  causeCategories,
  causeCategoryLabels,
  type CauseCategory,
  type RootCauseMethod,
} from '../../../../shared/rules/corrective-actions';
import { errorMessage } from '../../api/error-message';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from '../findings/field-errors';
import type { ActionPlan } from '../../stores/corrective-actions';

type Values = Required<ActionPlan>;

function initial(action: CorrectiveAction | null, owner: string): Values {
  return {
    correction: action?.correction ?? '',
    rootCauseMethod: action?.rootCauseMethod ?? null,
    whys: action?.whys.length ? action.whys : [''],
    causeCategories: action?.causeCategories ?? [],
    rootCause: action?.rootCause ?? '',
    action: action?.action ?? '',
    owner: action?.owner ?? owner,
    dueDate: action?.dueDate ?? null,
    completedOn: action?.completedOn ?? null,
    completionEvidence: action?.completionEvidence ?? '',
  };
}

const WHYS = 5;

interface Props {
  action: CorrectiveAction | null;
  /** The finding's owner: the first guess for the action's. */
  findingOwner: string;
  readOnly: boolean;
  onSave(plan: ActionPlan): Promise<unknown>;
}

/**
 * Correction, root cause (five whys or cause categories), the action with owner and due date, and
 * its completion. The main side validates again; its messages land on the fields.
 */
export function PlanForm({ action, findingOwner, readOnly, onSave }: Props) {
  const [values, setValues] = useState<Values>(() => initial(action, findingOwner));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [saving, setSaving] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));

  async function submit() {
    setSaving(true);
    setErrors({});
    setFailure(null);
    try {
      await onSave({
        ...values,
        whys:
          values.rootCauseMethod === 'five-whys'
            ? values.whys.map((w) => w.trim()).filter(Boolean)
            : [],
        causeCategories:
          values.rootCauseMethod === 'cause-categories' ? values.causeCategories : [],
      });
    } catch (error) {
      const fields = fieldErrorsOf(error);
      setErrors(fields);
      if (Object.keys(fields).length === 0) setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const method = values.rootCauseMethod ?? 'none';
  return (
    <Stack
      gap="sm"
      component="form"
      aria-label="Corrective action plan"
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Textarea
        label="Correction"
        description="What was done straight away to contain the nonconformity."
        autosize
        minRows={2}
        value={values.correction}
        onChange={(e) => set('correction', e.currentTarget.value)}
        error={fieldMessage(errors, 'correction', 'The correction')}
        disabled={readOnly}
      />
      <Title order={5}>Root cause</Title>
      <SegmentedControl
        aria-label="Root cause method"
        value={method}
        disabled={readOnly}
        onChange={(v) => set('rootCauseMethod', v === 'none' ? null : (v as RootCauseMethod))}
        data={[
          { value: 'none', label: 'Summary only' },
          { value: 'five-whys', label: 'Five whys' },
          { value: 'cause-categories', label: 'Cause categories' },
        ]}
      />
      {method === 'five-whys' && (
        <Stack gap={6}>
          {values.whys.map((why, i) => (
            <TextInput
              key={i}
              label={`Why ${i + 1}`}
              value={why}
              disabled={readOnly}
              onChange={(e) => {
                const next = [...values.whys];
                next[i] = e.currentTarget.value;
                set('whys', next);
              }}
              error={fieldMessage(errors, `whys.${i}`, `Why ${i + 1}`)}
            />
          ))}
          {values.whys.length < WHYS && !readOnly && (
            <Group>
              <Button variant="subtle" size="xs" onClick={() => set('whys', [...values.whys, ''])}>
                Ask why again
              </Button>
            </Group>
          )}
        </Stack>
      )}
      {method === 'cause-categories' && (
        <Checkbox.Group
          label="Where the cause sits"
          value={values.causeCategories}
          onChange={(v) => set('causeCategories', v as CauseCategory[])}
        >
          <SimpleGrid cols={{ base: 1, sm: 2 }} mt={6} spacing={6}>
            {causeCategories.map((c) => (
              <Checkbox key={c} value={c} label={causeCategoryLabels[c]} disabled={readOnly} />
            ))}
          </SimpleGrid>
        </Checkbox.Group>
      )}
      <Textarea
        label="Root cause"
        description="The cause in one or two sentences: what, if removed, keeps it from happening again."
        autosize
        minRows={2}
        value={values.rootCause}
        onChange={(e) => set('rootCause', e.currentTarget.value)}
        error={fieldMessage(errors, 'rootCause', 'The root cause')}
        disabled={readOnly}
      />
      <Title order={5}>Action</Title>
      <Textarea
        label="Corrective action"
        description="What removes the cause."
        autosize
        minRows={2}
        value={values.action}
        onChange={(e) => set('action', e.currentTarget.value)}
        error={fieldMessage(errors, 'action', 'The action')}
        disabled={readOnly}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Owner"
          value={values.owner}
          maxLength={200}
          onChange={(e) => set('owner', e.currentTarget.value)}
          error={fieldMessage(errors, 'owner', 'The owner')}
          disabled={readOnly}
        />
        <TextInput
          type="date"
          label="Due date"
          value={values.dueDate ?? ''}
          onChange={(e) => set('dueDate', e.currentTarget.value || null)}
          error={fieldMessage(errors, 'dueDate', 'The due date')}
          disabled={readOnly}
        />
      </SimpleGrid>
      <Title order={5}>Completion</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          type="date"
          label="Completed on"
          description="Set once the action is done; it then waits for its effectiveness review."
          value={values.completedOn ?? ''}
          onChange={(e) => set('completedOn', e.currentTarget.value || null)}
          error={fieldMessage(errors, 'completedOn', 'The completion date')}
          disabled={readOnly}
        />
        <Textarea
          label="Evidence of completion"
          description="The record that shows it was done (document, version, ticket)."
          autosize
          minRows={2}
          value={values.completionEvidence}
          onChange={(e) => set('completionEvidence', e.currentTarget.value)}
          error={fieldMessage(errors, 'completionEvidence', 'The evidence')}
          disabled={readOnly}
        />
      </SimpleGrid>
      {failure && (
        <Text c="red.7" size="sm" role="alert">
          {failure}
        </Text>
      )}
      {!readOnly && (
        <Group justify="flex-end">
          <Button type="submit" loading={saving}>
            Save action
          </Button>
        </Group>
      )}
    </Stack>
  );
}
