import { useEffect, useState } from 'react';
import { Badge, Code, Drawer, Loader, Stack, Text, Timeline } from '@mantine/core';
import type { HistoryEntry } from '../../../../shared/contracts/responses';
import { errorMessage } from '../../api/error-message';
import { fetchResponseHistory } from '../../stores/interview';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';

interface Props {
  opened: boolean;
  onClose(): void;
  assessmentId: string;
  requirementId: string;
  title: string;
}

const actionLabels: Record<string, string> = {
  'response.save': 'Answer changed',
  'finding.create': 'Finding raised',
  'finding.update': 'Finding changed',
  'finding.delete': 'Finding deleted',
  'soa.save': 'SoA decision recorded',
};

/** Field-by-field changes between two recorded versions. */
function changes(before: unknown, after: unknown): [string, unknown, unknown][] {
  const b = (before ?? {}) as Record<string, unknown>;
  const a = (after ?? {}) as Record<string, unknown>;
  return [...new Set([...Object.keys(b), ...Object.keys(a)])]
    .filter((k) => k !== 'requirementId' && JSON.stringify(b[k]) !== JSON.stringify(a[k]))
    .map((k) => [k, b[k], a[k]]);
}

const show = (v: unknown) =>
  v === undefined || v === null || v === '' ? '—' : typeof v === 'string' ? v : JSON.stringify(v);

export function HistoryDrawer({ opened, onClose, assessmentId, requirementId, title }: Props) {
  const [entries, setEntries] = useState<HistoryEntry[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!opened) return;
    let live = true;
    fetchResponseHistory(assessmentId, requirementId)
      .then((h) => live && setEntries(h))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [opened, assessmentId, requirementId]);

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size="lg"
      title={`History of ${title}`}
    >
      {error && <ErrorAlert message={error} />}
      {!entries && !error && <Loader aria-label="Loading history" />}
      {entries?.length === 0 && (
        <Text c="dimmed">Nothing has been recorded for this requirement yet.</Text>
      )}
      {entries && entries.length > 0 && (
        <Timeline bulletSize={14} lineWidth={2}>
          {entries.map((e) => (
            <Timeline.Item key={e.seq} title={actionLabels[e.action] ?? e.action}>
              <Text size="xs" c="dimmed">
                {formatDateTime(e.at)} by {e.actor}
                {e.origin && ` · merged in from data directory ${e.origin.slice(-8)}`}
              </Text>
              <Stack gap={2} mt={4}>
                {changes(e.before, e.after).map(([field, b, a]) => (
                  <Text key={field} size="sm">
                    <Badge size="xs" variant="light" mr={6}>
                      {field}
                    </Badge>
                    <Code>{show(b).slice(0, 200)}</Code> → <Code>{show(a).slice(0, 200)}</Code>
                  </Text>
                ))}
              </Stack>
            </Timeline.Item>
          ))}
        </Timeline>
      )}
    </Drawer>
  );
}
