import { useEffect, useState } from 'react';
import {
  Badge,
  Chip,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ScopingQuestion } from '../../../../shared/catalog/guidance';
import { suggestedControls, type ScopingAnswers } from '../../../../shared/catalog/scoping';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { errorMessage } from '../../api/error-message';
import { useCatalog } from '../../stores/catalog';
import { useWorkspace } from '../../stores/workspace';

/** The chip that records "none of these applies", as distinct from "not answered yet". */
const NONE = '__none';

/**
 * Asked once per assessment. The answers only suggest which Annex A controls deserve the most
 * attention; excluding a control still needs a person's justification in the SoA.
 */
export function ScopingQuestions({ assessment }: { assessment: Assessment }) {
  const { views, load } = useCatalog();
  const saveScoping = useWorkspace((s) => s.saveScoping);
  const [answers, setAnswers] = useState<ScopingAnswers>(assessment.scoping);
  useEffect(() => {
    void load(assessment.frameworkId);
  }, [assessment.frameworkId, load]);
  const view = views[assessment.frameworkId];
  if (!view) return null;

  const save = (id: string, value: ScopingAnswers[string] | undefined) => {
    const next = { ...answers };
    if (value === undefined) delete next[id];
    else next[id] = value;
    setAnswers(next);
    saveScoping(assessment.id, next).catch((e: unknown) =>
      notifications.show({ color: 'red', message: errorMessage(e) }),
    );
  };
  const suggested = suggestedControls(view.scoping, answers);
  const current = new Set(view.scoping.map((q) => q.id));
  const earlier = Object.entries(answers).filter(([id]) => !current.has(id));
  const readOnly = assessment.status === 'final';

  return (
    <Paper withBorder p="lg" radius="md" aria-label="Scoping questions">
      <Title order={4}>Scoping questions</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Answer once; Assay suggests the Annex A controls likely to matter most. Suggestions only —
        an exclusion always needs your justification in the Statement of Applicability.
      </Text>
      <Stack gap="md">
        {view.scoping.map((q) => (
          <Stack key={q.id} gap={4}>
            <Group justify="space-between" wrap="nowrap" align="flex-start">
              <Stack gap={0}>
                <Text size="sm">{q.text}</Text>
                <Text size="xs" c="dimmed">
                  {q.help}
                </Text>
              </Stack>
              {q.answer === 'yes-no' && (
                <YesNo question={q} value={answers[q.id]} disabled={readOnly} onChange={save} />
              )}
            </Group>
            {q.answer === 'several' && (
              <Several question={q} value={answers[q.id]} disabled={readOnly} onChange={save} />
            )}
          </Stack>
        ))}
      </Stack>
      {earlier.length > 0 && (
        <Text size="xs" c="dimmed" mt="md">
          Answered under an earlier revision of the question bank and kept:{' '}
          {earlier.map(([id, value]) => `${id.replace(/-/g, ' ')}: ${describe(value)}`).join('; ')}.
        </Text>
      )}
      {suggested.size > 0 && (
        <Stack gap={4} mt="md">
          <Text fw={600} size="sm">
            Controls likely to matter most
          </Text>
          <Group gap={6}>
            {[...suggested.entries()].map(([control, reasons]) => (
              <Tooltip key={control} label={reasons.join(' · ')} multiline w={360}>
                <Badge variant="light">{control}</Badge>
              </Tooltip>
            ))}
          </Group>
        </Stack>
      )}
    </Paper>
  );
}

interface AnswerProps<Q> {
  question: Q;
  value: ScopingAnswers[string] | undefined;
  disabled: boolean;
  onChange(id: string, value: ScopingAnswers[string] | undefined): void;
}

function YesNo({ question, value, disabled, onChange }: AnswerProps<ScopingQuestion>) {
  return (
    <SegmentedControl
      size="xs"
      aria-label={question.text}
      disabled={disabled}
      style={{ flexShrink: 0 }}
      value={value === true ? 'yes' : value === false ? 'no' : 'unknown'}
      onChange={(v) => onChange(question.id, v === 'unknown' ? undefined : v === 'yes')}
      data={[
        { value: 'yes', label: 'Yes' },
        { value: 'no', label: 'No' },
        { value: 'unknown', label: '?' },
      ]}
    />
  );
}

/** Tick every option that applies; "None of these" records a considered no, unlike leaving it blank. */
function Several({
  question,
  value,
  disabled,
  onChange,
}: AnswerProps<Extract<ScopingQuestion, { answer: 'several' }>>) {
  const ticked = Array.isArray(value) ? (value.length === 0 ? [NONE] : value) : [];
  const change = (next: string[]) => {
    if (next.includes(NONE) && !ticked.includes(NONE)) return onChange(question.id, []);
    const options = next.filter((v) => v !== NONE);
    onChange(question.id, options.length === 0 ? undefined : options);
  };
  return (
    <Chip.Group multiple value={ticked} onChange={change}>
      <Group gap={6} role="group" aria-label={question.text}>
        {question.options.map((o) => (
          <Tooltip key={o.id} label={o.help} multiline w={320}>
            <span>
              <Chip value={o.id} size="xs" disabled={disabled}>
                {o.label}
              </Chip>
            </span>
          </Tooltip>
        ))}
        <Chip value={NONE} size="xs" variant="outline" disabled={disabled}>
          None of these
        </Chip>
      </Group>
    </Chip.Group>
  );
}

function describe(value: ScopingAnswers[string]): string {
  if (typeof value === 'boolean') return value ? 'yes' : 'no';
  return value.length === 0 ? 'none' : value.join(', ');
}
