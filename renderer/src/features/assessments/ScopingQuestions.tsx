import { useEffect, useState } from 'react';
import { Badge, Group, Paper, SegmentedControl, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { errorMessage } from '../../api/client';
import { useCatalog } from '../../stores/catalog';
import { useWorkspace } from '../../stores/workspace';

/**
 * Asked once per assessment. The answers only suggest which Annex A controls deserve the most
 * attention; excluding a control still needs a person's justification in the SoA.
 */
export function ScopingQuestions({ assessment }: { assessment: Assessment }) {
  const { views, load } = useCatalog();
  const saveScoping = useWorkspace((s) => s.saveScoping);
  const [answers, setAnswers] = useState(assessment.scoping);
  useEffect(() => {
    void load(assessment.frameworkId);
  }, [assessment.frameworkId, load]);
  const view = views[assessment.frameworkId];
  if (!view) return null;

  const save = (id: string, value: string) => {
    const next = { ...answers };
    if (value === 'unknown') delete next[id];
    else next[id] = value === 'yes';
    setAnswers(next);
    saveScoping(assessment.id, next).catch((e: unknown) =>
      notifications.show({ color: 'red', message: errorMessage(e) }),
    );
  };
  const suggested = new Map<string, string[]>();
  for (const q of view.scoping) {
    if (answers[q.id] !== true) continue;
    for (const s of q.suggests)
      suggested.set(s.control, [...(suggested.get(s.control) ?? []), s.reason]);
  }
  const readOnly = assessment.status === 'final';

  return (
    <Paper withBorder p="lg" radius="md" aria-label="Scoping questions">
      <Title order={4}>Scoping questions</Title>
      <Text size="sm" c="dimmed" mb="sm">
        Answer once; Assay suggests the Annex A controls likely to matter most. Suggestions only —
        an exclusion always needs your justification in the Statement of Applicability.
      </Text>
      <Stack gap="sm">
        {view.scoping.map((q) => (
          <Group key={q.id} justify="space-between" wrap="nowrap" align="flex-start">
            <Stack gap={0}>
              <Text size="sm">{q.text}</Text>
              <Text size="xs" c="dimmed">
                {q.help}
              </Text>
            </Stack>
            <SegmentedControl
              size="xs"
              aria-label={q.text}
              disabled={readOnly}
              value={answers[q.id] === undefined ? 'unknown' : answers[q.id] ? 'yes' : 'no'}
              onChange={(v) => save(q.id, v)}
              data={[
                { value: 'yes', label: 'Yes' },
                { value: 'no', label: 'No' },
                { value: 'unknown', label: '?' },
              ]}
            />
          </Group>
        ))}
      </Stack>
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
