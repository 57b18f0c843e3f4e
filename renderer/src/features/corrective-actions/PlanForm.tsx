import { useState } from 'react';
import {
  Button,
  Checkbox,
  Group,
  SegmentedControl,
  SimpleGrid,
  Stack,
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
import { FormActions } from '../../components/FormActions';
import { FormStack } from '../../components/FormStack';
import { useFormSave } from '../../components/use-form-save';
import { fieldMessage } from '../findings/field-errors';
import type { ActionPlan } from '../../stores/corrective-actions';

type Values = Required<ActionPlan>;
type TextKey = 'correction' | 'rootCause' | 'action' | 'owner' | 'completionEvidence';
type DayKey = 'dueDate' | 'completedOn';

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
  const { errors, failure, saving, save, bindText } = useFormSave();
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  /** A text field of the plan: its value, the main side's message about it, read-only once closed. */
  const text = (key: TextKey, subject: string) => ({
    ...bindText(values[key], (v) => set(key, v), key, subject),
    disabled: readOnly,
  });
  /** A longer text of the plan, growing as it is written. */
  const note = (key: TextKey, subject: string) => ({
    ...text(key, subject),
    autosize: true,
    minRows: 2,
  });
  /** A day of the plan; an emptied date field is "no date". */
  const day = (key: DayKey, subject: string) => ({
    ...bindText(values[key] ?? '', (v) => set(key, v || null), key, subject),
    type: 'date',
    disabled: readOnly,
  });

  const submit = () =>
    save(() =>
      onSave({
        ...values,
        whys:
          values.rootCauseMethod === 'five-whys'
            ? values.whys.map((w) => w.trim()).filter(Boolean)
            : [],
        causeCategories:
          values.rootCauseMethod === 'cause-categories' ? values.causeCategories : [],
      }),
    );

  const method = values.rootCauseMethod ?? 'none';
  return (
    <FormStack gap="sm" label="Corrective action plan" onSubmit={submit}>
      <Textarea
        label="Correction"
        description="What was done straight away to contain the nonconformity."
        {...note('correction', 'The correction')}
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
        {...note('rootCause', 'The root cause')}
      />
      <Title order={5}>Action</Title>
      <Textarea
        label="Corrective action"
        description="What removes the cause."
        {...note('action', 'The action')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput label="Owner" maxLength={200} {...text('owner', 'The owner')} />
        <TextInput label="Due date" {...day('dueDate', 'The due date')} />
      </SimpleGrid>
      <Title order={5}>Completion</Title>
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <TextInput
          label="Completed on"
          description="Set once the action is done; it then waits for its effectiveness review."
          {...day('completedOn', 'The completion date')}
        />
        <Textarea
          label="Evidence of completion"
          description="The record that shows it was done (document, version, ticket)."
          {...note('completionEvidence', 'The evidence')}
        />
      </SimpleGrid>
      {readOnly ? null : (
        <FormActions failure={failure} saving={saving} submitLabel="Save action" />
      )}
    </FormStack>
  );
}
