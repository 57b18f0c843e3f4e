import { Alert, List, Text } from '@mantine/core';
import { IconArrowsDiff } from '@tabler/icons-react';
import type { ConsistencyFindingView } from '../../../../shared/contracts/readiness';
import { consistencyCheckLabels } from '../../../../shared/rules/consistency';

/**
 * Contradictions between the SoA, the answers, the risk register and the AI systems, where the
 * consultant works. They do not decide the verdict; a certification auditor would ask about each.
 */
export function ConsistencyList({
  findings,
  title = 'Records that contradict each other',
}: {
  findings: readonly (ConsistencyFindingView & { assessmentTitle?: string | null })[];
  title?: string;
}) {
  if (findings.length === 0) return null;
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconArrowsDiff size={18} />}
      title={title}
      aria-label={title}
    >
      <List size="sm" spacing={4}>
        {findings.map((f, i) => (
          <List.Item key={`${f.check}-${i}`}>
            <Text span size="sm" fw={600}>
              {consistencyCheckLabels[f.check]}:
            </Text>{' '}
            {f.message}
            {f.assessmentTitle ? (
              <Text span size="sm" c="dimmed">
                {' '}
                (SoA of “{f.assessmentTitle}”)
              </Text>
            ) : null}
          </List.Item>
        ))}
      </List>
    </Alert>
  );
}
