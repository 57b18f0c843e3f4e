import { useState } from 'react';
import { Badge, Group, List, SegmentedControl, Stack, Text, Tooltip } from '@mantine/core';
import type { InterviewQuestion } from '../../../../../shared/catalog/guidance';
import { StageBadge } from './StageBadge';

type StageFilter = 'all' | '1' | '2';

interface Props {
  questions: InterviewQuestion[];
  /** Smaller type in the interview, where the guidance shares the screen with the answer. */
  compact?: boolean;
}

/**
 * The questions to ask, each tagged with the audit stage it serves; a filter shows only the
 * stage-1 (documentation) or stage-2 (operation) questions, for a readiness review of one stage.
 */
export function QuestionList({ questions, compact = false }: Props) {
  const [filter, setFilter] = useState<StageFilter>('all');
  const count = (stage: 1 | 2) => questions.filter((q) => q.stage === stage).length;
  const shown = questions
    .map((q, index) => ({ q, number: index + 1 }))
    .filter(({ q }) => filter === 'all' || String(q.stage) === filter);
  const size = compact ? 'sm' : 'md';
  return (
    <Stack gap={6}>
      <SegmentedControl
        aria-label="Questions for audit stage"
        size="xs"
        value={filter}
        onChange={(v) => setFilter(v as StageFilter)}
        data={[
          { value: 'all', label: `All ${questions.length}` },
          { value: '1', label: `Stage 1 · ${count(1)}` },
          { value: '2', label: `Stage 2 · ${count(2)}` },
        ]}
        style={{ alignSelf: 'flex-start' }}
      />
      <List type="ordered" spacing={compact ? 'xs' : 'sm'} listStyleType="none" ml={0}>
        {shown.map(({ q, number }) => (
          <List.Item key={q.text}>
            <Group gap={6} wrap="nowrap" align="flex-start">
              <Text size={size} c="dimmed" w={18} ta="right" style={{ flexShrink: 0 }}>
                {number}.
              </Text>
              <Stack gap={2}>
                <Group gap={4}>
                  <StageBadge stage={q.stage} />
                  {q.asks === 'soa-and-treatment' && (
                    <Tooltip label="Asks for the control's Statement of Applicability entry and the risk treatments that rely on it">
                      <Badge size="xs" variant="outline" color="gray" tt="none">
                        SoA and treatment
                      </Badge>
                    </Tooltip>
                  )}
                </Group>
                <Text size={size}>{q.text}</Text>
                {q.probe && (
                  <Text size={compact ? 'xs' : 'sm'} c="dimmed">
                    Probe: {q.probe}
                  </Text>
                )}
              </Stack>
            </Group>
          </List.Item>
        ))}
      </List>
    </Stack>
  );
}
