import { useEffect } from 'react';
import { Alert, Anchor, Group, Loader, Progress, Stack, Tabs, Text, Title } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useWorkspace } from '../../stores/workspace';
import { href, navigate } from '../../router/hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatusBadge } from './StatusBadge';
import { InterviewTab } from '../interview/InterviewTab';
import { SessionsTab } from '../sessions/SessionsTab';
import { FindingsTab } from '../findings/FindingsTab';
import { SoaTab } from '../soa/SoaTab';
import { ReadinessTab } from '../readiness/ReadinessTab';
import { DocumentsTab } from '../documents/DocumentsTab';
import { AssessmentSettingsTab } from './AssessmentSettingsTab';
import { EuAiActTab } from '../eu-ai-act/EuAiActTab';
import { NistCoverageTab } from '../nist/NistCoverageTab';
import { Iso27001Tab } from '../iso27001/Iso27001Tab';
import { CycleBar } from '../cycle/CycleBar';

export const workspaceTabs = [
  { key: 'interview', label: 'Interview' },
  { key: 'sessions', label: 'Sessions' },
  { key: 'findings', label: 'Findings' },
  { key: 'soa', label: 'Statement of Applicability' },
  { key: 'documents', label: 'Documented information' },
  { key: 'readiness', label: 'Readiness' },
  { key: 'eu-ai-act', label: 'EU AI Act' },
  { key: 'nist', label: 'NIST AI RMF' },
  { key: 'iso27001', label: 'ISO/IEC 27001' },
  { key: 'settings', label: 'Assessment' },
] as const;

interface Props {
  id: string;
  tab: string;
  rest: string[];
}

export function AssessmentWorkspace({ id, tab, rest }: Props) {
  const { assessment, error, open } = useWorkspace();
  useEffect(() => {
    void open(id);
  }, [id, open]);

  if (error) {
    return (
      <Stack>
        <Anchor href={href('assessments')}>← All assessments</Anchor>
        <ErrorAlert message={error} />
      </Stack>
    );
  }
  if (!assessment || assessment.id !== id) return <Loader aria-label="Loading assessment" />;
  const pct =
    assessment.progress.total > 0
      ? (100 * assessment.progress.assessed) / assessment.progress.total
      : 0;

  return (
    <Stack gap="sm">
      <Group justify="space-between" align="flex-end" wrap="nowrap">
        <Stack gap={2}>
          <Anchor href={href('assessments')} size="sm">
            ← All assessments
          </Anchor>
          <Group gap="sm">
            <Title order={2}>{assessment.title}</Title>
            <StatusBadge status={assessment.status} />
          </Group>
          <Text c="dimmed" size="sm">
            {assessment.clientName}
          </Text>
        </Stack>
        <Stack gap={4} w={260}>
          <Text size="sm" ta="right" aria-live="polite">
            {assessment.progress.assessed} of {assessment.progress.total} assessed
            {assessment.progress.flagged > 0 ? ` · ${assessment.progress.flagged} flagged` : ''}
          </Text>
          <Progress value={pct} aria-label="Assessment progress" />
        </Stack>
      </Group>
      <CycleBar assessment={assessment} />
      {assessment.status === 'final' && (
        <Alert color="green" icon={<IconLock size={16} />} py="xs">
          This assessment is final and read-only. Reopen it on the Assessment tab to change
          anything; the reopening is recorded in the audit trail.
        </Alert>
      )}
      <Tabs
        value={tab}
        onChange={(value) => value && navigate('assessments', id, value)}
        keepMounted={false}
      >
        <Tabs.List>
          {workspaceTabs.map((t) => (
            <Tabs.Tab key={t.key} value={t.key}>
              {t.label}
            </Tabs.Tab>
          ))}
        </Tabs.List>
      </Tabs>
      {tab === 'interview' && <InterviewTab assessment={assessment} requirementRef={rest[0]} />}
      {tab === 'sessions' && <SessionsTab assessment={assessment} />}
      {tab === 'findings' && <FindingsTab assessment={assessment} />}
      {tab === 'soa' && <SoaTab assessment={assessment} />}
      {tab === 'documents' && <DocumentsTab assessment={assessment} />}
      {tab === 'readiness' && <ReadinessTab assessment={assessment} />}
      {tab === 'eu-ai-act' && <EuAiActTab assessment={assessment} />}
      {tab === 'nist' && <NistCoverageTab assessment={assessment} />}
      {tab === 'iso27001' && <Iso27001Tab assessment={assessment} />}
      {tab === 'settings' && <AssessmentSettingsTab assessment={assessment} />}
    </Stack>
  );
}
