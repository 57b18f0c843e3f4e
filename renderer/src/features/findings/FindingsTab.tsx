import { useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader, Paper, Select, Text, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconFlag, IconPlus, IconSearch } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Finding } from '../../../../shared/contracts/findings';
import {
  findingGradeLabels,
  findingGrades,
  findingStatusLabels,
  findingStatuses,
  type FindingGrade,
  type FindingStatus,
} from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useFindings } from '../../stores/findings';
import { isReadOnly } from '../../stores/workspace';
import { FindingModal } from './FindingModal';
import { FindingsTable } from './FindingsTable';
import { filterAndSort, isOverdue, type FindingFilter, type Sort, type SortKey } from './filter';
import { ReadOnlyTooltip } from './ReadOnlyTooltip';
import { CarriedFindingsPanel } from '../cycle/CarriedFindingsPanel';
import {
  CorrectiveActionDrawer,
  type FindingHeader,
} from '../corrective-actions/CorrectiveActionDrawer';

const gradeOptions = findingGrades.map((value) => ({ value, label: findingGradeLabels[value] }));
const statusOptions = findingStatuses.map((value) => ({
  value,
  label: findingStatusLabels[value],
}));

/** The nonconformity and corrective-action log (clause 10.2) of one assessment. */
export function FindingsTab({ assessment }: { assessment: Assessment }) {
  const { items, status, error, load, remove } = useFindings();
  const [filter, setFilter] = useState<FindingFilter>({ grade: null, status: null, text: '' });
  const [sort, setSort] = useState<Sort>({ key: 'ref', descending: false });
  const [editing, setEditing] = useState<Finding | null>(null);
  const [modalOpen, setModalOpen] = useState(false);
  const [acting, setActing] = useState<FindingHeader | null>(null);
  const readOnly = isReadOnly(assessment);

  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  const shown = useMemo(() => filterAndSort(items, filter, sort), [items, filter, sort]);
  const overdue = items.filter((f) => isOverdue(f)).length;
  const open = items.filter((f) => f.status !== 'closed').length;

  const openNew = () => {
    setEditing(null);
    setModalOpen(true);
  };
  const onSort = (key: SortKey) =>
    setSort((s) =>
      s.key === key ? { key, descending: !s.descending } : { key, descending: false },
    );

  const confirmDelete = (f: Finding) =>
    modals.openConfirmModal({
      title: `Delete finding ${f.ref}?`,
      children: (
        <Text size="sm">
          The finding against {f.requirementRef} is removed from the log. The deletion is kept in
          the audit trail.
        </Text>
      ),
      labels: { confirm: 'Delete finding', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(f.id)
          .then(() => notifications.show({ message: `${f.ref} deleted.` }))
          .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
      },
    });

  const newButton = (
    <ReadOnlyTooltip readOnly={readOnly}>
      <Button leftSection={<IconPlus size={16} />} onClick={openNew} disabled={readOnly}>
        New finding
      </Button>
    </ReadOnlyTooltip>
  );

  return (
    <>
      <FindingModal
        assessment={assessment}
        opened={modalOpen}
        finding={editing}
        onClose={() => setModalOpen(false)}
      />
      <Group justify="space-between" align="flex-end">
        <Text size="sm" c="dimmed" aria-live="polite">
          {items.length === 0
            ? 'No findings raised.'
            : `${items.length} finding${items.length === 1 ? '' : 's'} · ${open} not closed` +
              (overdue > 0 ? ` · ${overdue} overdue` : '')}
        </Text>
        {items.length > 0 && newButton}
      </Group>
      {status === 'error' && error && (
        <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />
      )}
      {status === 'loading' && <Loader aria-label="Loading findings" />}
      {status === 'ready' && items.length === 0 && (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconFlag size={28} />} title="No findings yet" action={newButton}>
            Findings record nonconformities, observations and opportunities for improvement against
            a requirement, with an owner and a due date for the corrective action. Raise them here
            or from the interview.
          </EmptyState>
        </Paper>
      )}
      {items.length > 0 && (
        <>
          <Group gap="sm" align="flex-end">
            <Select
              label="Grade"
              placeholder="All grades"
              data={gradeOptions}
              value={filter.grade}
              onChange={(v) => setFilter((f) => ({ ...f, grade: v as FindingGrade | null }))}
              clearable
              w={240}
            />
            <Select
              label="Status"
              placeholder="All statuses"
              data={statusOptions}
              value={filter.status}
              onChange={(v) => setFilter((f) => ({ ...f, status: v as FindingStatus | null }))}
              clearable
              w={180}
            />
            <TextInput
              label="Search findings"
              placeholder="Words in the statement, owner, requirement…"
              leftSection={<IconSearch size={14} />}
              value={filter.text}
              onChange={(e) => {
                const text = e.currentTarget.value;
                setFilter((f) => ({ ...f, text }));
              }}
              style={{ flex: 1 }}
              maxLength={200}
            />
          </Group>
          <Paper withBorder radius="md">
            {shown.length === 0 ? (
              <Text p="lg" c="dimmed">
                No finding matches these filters.
              </Text>
            ) : (
              <FindingsTable
                findings={shown}
                sort={sort}
                onSort={onSort}
                readOnly={readOnly}
                onEdit={(f) => {
                  setEditing(f);
                  setModalOpen(true);
                }}
                onDelete={confirmDelete}
                onAction={(f) =>
                  setActing({
                    id: f.id,
                    ref: f.ref,
                    grade: f.grade,
                    statement: f.statement,
                    owner: f.owner,
                    closed: f.status === 'closed',
                    requirementRef: f.requirementRef,
                  })
                }
              />
            )}
          </Paper>
        </>
      )}
      <CarriedFindingsPanel assessment={assessment} onAction={setActing} />
      {acting && (
        <CorrectiveActionDrawer key={acting.id} finding={acting} onClose={() => setActing(null)} />
      )}
    </>
  );
}
