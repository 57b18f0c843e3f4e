import type { ReactNode } from 'react';
import { Badge, Group, Text } from '@mantine/core';
import { resultLabels, type Result } from '../../../../shared/domain/assessment';
import { resultColours } from '../interview/result-style';

/** "Suggested from 27001: Conformant": the mark every suggestion carries, wherever it shows. */
export function SuggestedLabel({ result, children }: { result: Result; children?: ReactNode }) {
  return (
    <Group gap="xs">
      <Text size="sm" fw={600}>
        Suggested from 27001:
      </Text>
      <Badge color={resultColours[result]} variant="light" tt="none">
        {resultLabels[result]}
      </Badge>
      {children}
    </Group>
  );
}
