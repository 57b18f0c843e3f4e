import { useCallback, useEffect, useState } from 'react';
import { Badge, Button, Loader, Paper, Select, Stack, Table, Title } from '@mantine/core';
import {
  IconBriefcase,
  IconFileCertificate,
  IconPlus,
  IconPresentation,
} from '@tabler/icons-react';
import type { ManagementReview } from '../../../../shared/contracts/management-reviews';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate } from '../../format';
import { navigate } from '../../router/hash-route';
import { useEngagements } from '../../stores/engagements';
import { fetchReviews } from '../../stores/management-reviews';
import { exportMinutes } from '../../stores/record-reports';
import { RecordExportModal } from '../reports/RecordExportModal';
import { ReviewEditor } from './ReviewEditor';
import { TableHead } from '../../components/TableHead';

const when = (r: ManagementReview) =>
  r.heldOn
    ? `held ${formatDate(r.heldOn)}`
    : r.plannedOn
      ? `planned ${formatDate(r.plannedOn)}`
      : '—';

function ReviewList({
  reviews,
  selected,
  onOpen,
}: {
  reviews: ManagementReview[];
  selected: string | undefined;
  onOpen(id: string): void;
}) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label="Reviews">
      <Title order={4} mb="xs">
        Reviews ({reviews.length})
      </Title>
      <Table fz="sm" verticalSpacing={6} aria-label="Management reviews of the engagement">
        <TableHead columns={['Review', 'When', 'Chair', 'Decisions']} buttons="Open" />
        <Table.Tbody>
          {reviews.map((r) => (
            <Table.Tr key={r.id} aria-current={r.id === selected ? 'true' : undefined}>
              <Table.Td fw={600}>{r.title}</Table.Td>
              <Table.Td>
                {when(r)}{' '}
                <Badge tt="none" variant="light" color={r.status === 'held' ? 'green' : 'blue'}>
                  {r.status === 'held' ? 'Held' : 'Planned'}
                </Badge>
              </Table.Td>
              <Table.Td>{r.chair || '—'}</Table.Td>
              <Table.Td>
                {r.decisions.length} ({r.decisions.filter((d) => d.status === 'open').length} open)
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="light"
                  onClick={() => onOpen(r.id)}
                  aria-label={`Open ${r.title}`}
                >
                  Open
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/**
 * Management reviews (ISO/IEC 42001 9.3) of an engagement: the list, and the chosen review with
 * its compiled inputs, what the organisation adds, and its decisions and actions.
 */
export function ReviewsScreen({
  engagementId: routeId,
  reviewId,
}: {
  engagementId?: string;
  reviewId?: string;
}) {
  const engagements = useEngagements();
  const { load: loadEngagements } = engagements;
  const [reviews, setReviews] = useState<ManagementReview[] | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [minutes, setMinutes] = useState<ManagementReview | null>(null);
  useEffect(() => void loadEngagements(), [loadEngagements]);
  const chosen = routeId ?? engagements.items[0]?.id ?? null;

  const load = useCallback(() => {
    if (!chosen) return;
    fetchReviews(chosen)
      .then(setReviews)
      .catch((e: unknown) => setFailure(errorMessage(e)));
  }, [chosen]);
  useEffect(load, [load]);

  const header = (
    <PageHeader
      title="Management reviews"
      subtitle="Top management reviews the AI management system (ISO/IEC 42001 9.3): Assay compiles the inputs from its records; the meeting adds its own and records decisions and actions."
      actions={
        chosen && (
          <Button
            leftSection={<IconPlus size={16} />}
            onClick={() => navigate('reviews', chosen, 'new')}
          >
            Plan a review
          </Button>
        )
      }
    />
  );
  if (engagements.status !== 'ready' || !chosen)
    return (
      <>
        {header}
        {engagements.error ? (
          <ErrorAlert message={engagements.error} />
        ) : engagements.status !== 'ready' ? (
          <Loader aria-label="Loading engagements" />
        ) : (
          <Paper withBorder radius="md">
            <EmptyState icon={<IconBriefcase size={28} />} title="No engagement yet">
              A management review belongs to an engagement. Create one under Engagements first.
            </EmptyState>
          </Paper>
        )}
      </>
    );

  const open = reviews?.find((r) => r.id === reviewId) ?? null;
  const minutesModal = minutes && (
    <RecordExportModal
      title="Management review minutes"
      unsignable={
        minutes.status === 'held'
          ? null
          : 'Minutes are signed once the review is held (save it as held, with its date); a draft can be produced now.'
      }
      produce={(request) => exportMinutes(minutes.id, request)}
      onClose={() => setMinutes(null)}
    />
  );
  return (
    <>
      {header}
      <Stack gap="md">
        <Select
          label="Engagement"
          allowDeselect={false}
          data={engagements.items.map((e) => ({ value: e.id, label: e.clientName }))}
          value={chosen}
          onChange={(id) => id && navigate('reviews', id)}
          w={360}
        />
        {failure && <ErrorAlert message={failure} onRetry={load} />}
        {!reviews ? (
          <Loader aria-label="Loading the reviews" />
        ) : reviews.length === 0 && reviewId !== 'new' ? (
          <Paper withBorder radius="md">
            <EmptyState
              icon={<IconPresentation size={28} />}
              title="No management review yet"
              action={
                <Button onClick={() => navigate('reviews', chosen, 'new')}>Plan a review</Button>
              }
            >
              Plan the first review: Assay compiles its inputs (actions, nonconformities, audit
              results, readiness, risks) from what is recorded here.
            </EmptyState>
          </Paper>
        ) : (
          <ReviewList
            reviews={reviews}
            selected={reviewId}
            onOpen={(id) => navigate('reviews', chosen, id)}
          />
        )}
        {(open || reviewId === 'new') && (
          <>
            <Title order={3}>{open ? open.title : 'New management review'}</Title>
            <ReviewEditor
              key={open ? `${open.id}:${open.updatedAt}` : 'new'}
              engagementId={chosen}
              review={open}
              extra={
                open && (
                  <Button
                    variant="default"
                    leftSection={<IconFileCertificate size={16} />}
                    onClick={() => setMinutes(open)}
                  >
                    Minutes
                  </Button>
                )
              }
              onSaved={(saved) => {
                load();
                if (!open) navigate('reviews', chosen, saved.id);
              }}
            />
          </>
        )}
      </Stack>
      {minutesModal}
    </>
  );
}
