import { Badge, Group, Stack, Text } from '@mantine/core';
import type { Nonconformity } from '../../../../../shared/catalog/guidance';
import { findingGradeLabels } from '../../../../../shared/domain/assessment';
import { GradeBadge, gradeColours } from '../../findings/GradeBadge';

const grades = ['major', 'minor'] as const;
const shortLabels = { major: 'Major', minor: 'Minor' };

/**
 * One typical major and one typical minor nonconformity, to calibrate the grade of a finding. In
 * the interview's narrow panel the grade is shortened so the example keeps the width.
 */
export function NonconformityExamples({
  nonconformity,
  compact = false,
}: {
  nonconformity: Nonconformity;
  compact?: boolean;
}) {
  return (
    <Stack gap={6} aria-label="Typical nonconformities">
      {grades.map((grade) => (
        <Group key={grade} gap={8} wrap="nowrap" align="flex-start">
          <div style={{ width: compact ? 56 : 170, flexShrink: 0 }}>
            {compact ? (
              <Badge
                color={gradeColours[grade]}
                variant="light"
                tt="none"
                aria-label={findingGradeLabels[grade]}
              >
                {shortLabels[grade]}
              </Badge>
            ) : (
              <GradeBadge grade={grade} />
            )}
          </div>
          <Text size={compact ? 'xs' : 'sm'}>{nonconformity[grade]}</Text>
        </Group>
      ))}
    </Stack>
  );
}
