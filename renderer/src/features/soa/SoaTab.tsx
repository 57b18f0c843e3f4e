import { Fragment, useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader, Paper, Progress, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconWand } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { SoaRow } from '../../../../shared/contracts/soa';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSoa, type SoaDecision } from '../../stores/soa';
import { isReadOnly } from '../../stores/workspace';
import { ReadOnlyTooltip } from '../findings/ReadOnlyTooltip';
import { SoaRowEditor } from './SoaRowEditor';
import { CarriedSoaNote, useCycleFollowsSoa } from '../cycle/CarriedNote';
import { useAssessmentChecks } from '../readiness/ConsistencyNotes';
import type { ConsistencyFindingView } from '../../../../shared/contracts/readiness';

const none: ConsistencyFindingView[] = [];

/** Rows grouped by Annex A area (A.2 … A.10), in the catalog's order. */
function byArea(rows: SoaRow[]): { area: string; title: string; rows: SoaRow[] }[] {
  const groups: { area: string; title: string; rows: SoaRow[] }[] = [];
  for (const row of rows) {
    const last = groups[groups.length - 1];
    if (last?.area === row.area) last.rows.push(row);
    else groups.push({ area: row.area, title: row.areaTitle, rows: [row] });
  }
  return groups;
}

/** The Statement of Applicability: a recorded, justified decision for every Annex A control. */
export function SoaTab({ assessment }: { assessment: Assessment }) {
  const { rows, status, error, load, save, acceptSuggestions } = useSoa();
  const [accepting, setAccepting] = useState(false);
  const readOnly = isReadOnly(assessment);
  useCycleFollowsSoa(assessment.id);

  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  const groups = useMemo(() => byArea(rows), [rows]);
  // Checked again after every saved decision: a decision may now contradict an answer or a risk.
  const stamp = rows.map((r) => r.entry?.updatedAt ?? '').join('|');
  const checks = useAssessmentChecks(assessment.id, stamp);
  const checksByControl = useMemo(() => {
    const map = new Map<string, ConsistencyFindingView[]>();
    for (const c of checks) if (c.control) map.set(c.control, [...(map.get(c.control) ?? []), c]);
    return map;
  }, [checks]);
  const decided = rows.filter((r) => r.entry).length;
  const excluded = rows.filter((r) => r.entry && !r.entry.applicable).length;
  const ready = rows.filter((r) => !r.entry && r.suggestion.justification.trim()).length;

  const onSave = useCallback(
    async (requirementId: string, decision: SoaDecision) => {
      const row = await save(assessment.id, requirementId, decision);
      notifications.show({ color: 'green', message: `${row.ref} saved.` });
    },
    [assessment.id, save],
  );

  async function acceptAll() {
    setAccepting(true);
    try {
      const outcome = await acceptSuggestions(assessment.id);
      notifications.show({
        color: outcome.accepted > 0 ? 'green' : 'blue',
        message: `${outcome.accepted} accepted, ${outcome.needJustification} still need a justification.`,
      });
    } catch (e) {
      notifications.show({ color: 'red', message: errorMessage(e) });
    } finally {
      setAccepting(false);
    }
  }

  if (status === 'error' && error)
    return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (status !== 'ready' && rows.length === 0)
    return <Loader aria-label="Loading the Statement of Applicability" />;

  return (
    <Stack gap="md">
      <Paper withBorder radius="md" p="md">
        <Group justify="space-between" align="center">
          <Stack gap={4} style={{ flex: 1, maxWidth: 420 }}>
            <Text fw={600} aria-live="polite" data-testid="soa-counter">
              Decided {decided} of {rows.length}
              {excluded > 0 ? ` · ${excluded} excluded` : ''}
            </Text>
            <Progress
              value={rows.length ? (100 * decided) / rows.length : 0}
              aria-label="Controls decided"
            />
            <Text size="xs" c="dimmed">
              Every control needs a decision and a justification, whether it applies or is excluded.
            </Text>
            {checksByControl.size > 0 && (
              <Text size="sm" c="orange.9" data-testid="soa-contradictions">
                {checksByControl.size}{' '}
                {checksByControl.size === 1 ? 'control contradicts' : 'controls contradict'} the
                interview or the risk register (marked below).
              </Text>
            )}
          </Stack>
          <ReadOnlyTooltip readOnly={readOnly}>
            <Button
              variant="light"
              leftSection={<IconWand size={16} />}
              onClick={() => void acceptAll()}
              loading={accepting}
              disabled={readOnly || decided === rows.length}
            >
              Accept all suggestions with a justification{ready > 0 ? ` (${ready})` : ''}
            </Button>
          </ReadOnlyTooltip>
        </Group>
      </Paper>
      {groups.map((g) => (
        <Stack key={g.area} gap="xs" component="section" aria-label={`${g.area} ${g.title}`}>
          <Title order={4}>
            {g.area} {g.title}
            <Text span c="dimmed" size="sm" ml="sm">
              {g.rows.filter((r) => r.entry).length} of {g.rows.length} decided
            </Text>
          </Title>
          {g.rows.map((row) => (
            <Fragment key={row.requirementId}>
              <CarriedSoaNote
                assessmentId={assessment.id}
                requirementId={row.requirementId}
                readOnly={readOnly}
              />
              <SoaRowEditor
                row={row}
                readOnly={readOnly}
                onSave={onSave}
                checks={checksByControl.get(row.ref) ?? none}
              />
            </Fragment>
          ))}
        </Stack>
      ))}
    </Stack>
  );
}
