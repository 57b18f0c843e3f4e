import { useEffect, useMemo, useState } from 'react';
import {
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconBriefcase, IconDownload, IconListCheck } from '@tabler/icons-react';
import type {
  CorrectiveAction,
  FindingWithoutAction,
} from '../../../../shared/contracts/corrective-actions';
import {
  actionStatuses,
  actionStatusLabels,
  isClosing,
} from '../../../../shared/rules/corrective-actions';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { filePlatform } from '../../platform/files';
import { exportRegister, useCorrectiveActions } from '../../stores/corrective-actions';
import { EngagementGate, useRouteEngagement } from '../engagements/EngagementGate';
import { GradeBadge } from '../findings/GradeBadge';
import { CorrectiveActionDrawer, type FindingHeader } from './CorrectiveActionDrawer';
import { actionStatusColours } from './labels';
import { RegisterTable } from './RegisterTable';

const exportKinds = [
  { kind: 'docx', label: 'Word' },
  { kind: 'xlsx', label: 'XLSX' },
  { kind: 'csv', label: 'CSV' },
] as const;

type Show = 'all' | 'to-act' | 'overdue' | 'review' | 'closed';
const shows: { value: Show; label: string; keep(a: CorrectiveAction): boolean }[] = [
  { value: 'all', label: 'All', keep: () => true },
  {
    value: 'to-act',
    label: 'To act on',
    keep: (a) => a.status === 'open' || a.status === 'not-effective',
  },
  { value: 'overdue', label: 'Overdue', keep: (a) => a.daysOverdue > 0 },
  { value: 'review', label: 'Awaiting review', keep: (a) => a.status === 'awaiting-review' },
  { value: 'closed', label: 'Closed', keep: (a) => isClosing(a.status) },
];

/** The register is per engagement; without one there is nothing to act on. */
const engagementGate = {
  route: 'actions',
  emptyIcon: <IconBriefcase size={28} />,
  empty:
    'Corrective actions answer the findings of an engagement. Create one under Engagements first.',
};

const headerOf = (a: CorrectiveAction): FindingHeader => ({
  id: a.findingId,
  ref: a.finding.ref,
  grade: a.finding.grade,
  statement: a.finding.statement,
  owner: a.owner,
  closed: a.finding.status === 'closed',
  raisedIn: a.finding.assessmentTitle,
  requirementRef: a.finding.requirementRef,
});

const headerOfFinding = (f: FindingWithoutAction): FindingHeader => ({
  id: f.findingId,
  ref: f.ref,
  grade: f.grade,
  statement: f.statement,
  owner: '',
  closed: false,
  raisedIn: f.assessmentTitle,
  requirementRef: f.requirementRef,
});

function WithoutAction({
  findings,
  onStart,
}: {
  findings: FindingWithoutAction[];
  onStart(f: FindingWithoutAction): void;
}) {
  if (findings.length === 0) return null;
  return (
    <Paper
      withBorder
      p="md"
      radius="md"
      component="section"
      aria-label="Nonconformities without an action"
    >
      <Title order={4} mb={4}>
        Nonconformities without an action ({findings.length})
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        Open major and minor nonconformities nobody has started a corrective action for.
      </Text>
      <Table.ScrollContainer minWidth={640}>
        <Table verticalSpacing={6} fz="sm">
          <Table.Tbody>
            {findings.map((f) => (
              <Table.Tr key={f.findingId}>
                <Table.Td style={{ whiteSpace: 'nowrap' }}>
                  <Text span fw={700} ff="monospace" size="sm">
                    {f.ref}
                  </Text>{' '}
                  <GradeBadge grade={f.grade} />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" c="dimmed">
                    {f.assessmentTitle} · {f.requirementRef}
                  </Text>
                  <Text size="sm" lineClamp={2}>
                    {f.statement}
                  </Text>
                </Table.Td>
                <Table.Td w={140}>
                  <Button
                    size="xs"
                    onClick={() => onStart(f)}
                    aria-label={`Start action for ${f.ref} (${f.assessmentTitle})`}
                  >
                    Start action
                  </Button>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      </Table.ScrollContainer>
    </Paper>
  );
}

/**
 * The corrective-action register (10.2) of one engagement over every cycle: late actions first
 * and tinted, the nonconformities still without an action, and the register as Word, CSV or XLSX.
 */
export function ActionsScreen({ engagementId: routeId }: { engagementId?: string }) {
  const register = useCorrectiveActions();
  const [show, setShow] = useState<Show>('all');
  const [open, setOpen] = useState<FindingHeader | null>(null);
  const [exporting, setExporting] = useState(false);
  const { load } = register;

  const chosen = useRouteEngagement(routeId);
  useEffect(() => {
    if (chosen) void load(chosen);
  }, [chosen, load]);

  const mine = register.engagementId === chosen;
  const actions = useMemo(() => (mine ? register.actions : []), [mine, register.actions]);
  const filter = shows.find((s) => s.value === show) ?? shows[0];
  const shown = useMemo(() => actions.filter((a) => filter?.keep(a) ?? true), [actions, filter]);
  const overdue = actions.filter((a) => a.daysOverdue > 0).length;

  async function exportAs(kind: 'csv' | 'xlsx' | 'docx') {
    if (!chosen) return;
    setExporting(true);
    try {
      const file = await exportRegister(chosen, kind);
      await filePlatform().saveCopy(file.blob, file.fileName);
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  }

  const header = (
    <PageHeader
      title="Corrective actions"
      subtitle="Each nonconformity through correction, root cause, action and effectiveness review (ISO/IEC 42001 10.2), across every cycle of an engagement. A finding closes only when its action is verified effective or accepted with a reason."
      actions={
        chosen &&
        exportKinds.map(({ kind, label }) => (
          <Button
            key={kind}
            variant="default"
            leftSection={<IconDownload size={16} />}
            loading={exporting}
            onClick={() => void exportAs(kind)}
          >
            Export {label}
          </Button>
        ))
      }
    />
  );
  return (
    <>
      {header}
      <EngagementGate chosen={chosen} {...engagementGate}>
        {(id) => (
          <>
            {register.status === 'error' && register.error && (
              <ErrorAlert message={register.error} onRetry={() => void load(id)} />
            )}
            {!mine || register.status === 'loading' ? (
              <Loader aria-label="Loading the register" />
            ) : (
              <>
                <Group gap="xs" aria-label="Actions by state">
                  {actionStatuses.map((s) => (
                    <Badge
                      key={s}
                      color={actionStatusColours[s]}
                      variant="light"
                      tt="none"
                      size="lg"
                    >
                      {actionStatusLabels[s]}: {actions.filter((a) => a.status === s).length}
                    </Badge>
                  ))}
                  <Badge color="red" variant={overdue ? 'filled' : 'light'} tt="none" size="lg">
                    Overdue: {overdue}
                  </Badge>
                </Group>
                <WithoutAction
                  findings={register.withoutAction}
                  onStart={(f) => setOpen(headerOfFinding(f))}
                />
                {actions.length === 0 ? (
                  <Paper withBorder radius="md">
                    <EmptyState icon={<IconListCheck size={28} />} title="No corrective action yet">
                      Start one from a nonconformity above, or from a finding in an assessment.
                    </EmptyState>
                  </Paper>
                ) : (
                  <>
                    <Group justify="space-between">
                      <SegmentedControl
                        aria-label="Actions shown"
                        value={show}
                        onChange={(v) => setShow(v as Show)}
                        data={shows.map((s) => ({ value: s.value, label: s.label }))}
                      />
                      <Text size="sm" c="dimmed" aria-live="polite">
                        {shown.length} of {actions.length} shown
                      </Text>
                    </Group>
                    <RegisterTable actions={shown} onOpen={(a) => setOpen(headerOf(a))} />
                  </>
                )}
              </>
            )}
          </>
        )}
      </EngagementGate>
      {open && (
        <CorrectiveActionDrawer key={open.id} finding={open} onClose={() => setOpen(null)} />
      )}
    </>
  );
}
