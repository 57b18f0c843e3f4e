import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconArrowLeft, IconPencil, IconTrash } from '@tabler/icons-react';
import type { Engagement } from '../../../../shared/contracts/engagements';
import { aiRoleLabels } from '../../../../shared/domain/ai-roles';
import { errorMessage } from '../../api/error-message';
import { fetchEngagement, useEngagements } from '../../stores/engagements';
import { href, navigate } from '../../router/hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { formatDate, formatDateTime } from '../../format';
import { EngagementAssessments } from './EngagementAssessments';
import { EngagementForm } from './EngagementForm';
import { ConflictsBadge } from '../merge/ConflictsBadge';
import { ExportExchangeButton } from '../merge/ExportExchangeButton';

export function EngagementDetailScreen({ id, editing }: { id: string; editing: boolean }) {
  const { update, remove } = useEngagements();
  const [engagement, setEngagement] = useState<Engagement | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let live = true;
    fetchEngagement(id)
      .then((e) => live && setEngagement(e))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [id]);

  if (error) {
    return (
      <Stack>
        <Anchor href={href('engagements')}>← All engagements</Anchor>
        <ErrorAlert message={error} />
      </Stack>
    );
  }
  if (!engagement) return <Loader aria-label="Loading engagement" />;

  const confirmDelete = () =>
    modals.openConfirmModal({
      title: `Delete the engagement for ${engagement.clientName}?`,
      children: (
        <Text size="sm">
          This deletes the engagement
          {engagement.assessmentCount > 0
            ? ` and its ${engagement.assessmentCount} assessment(s)`
            : ''}{' '}
          with everything recorded under it. The deletion is kept in the audit trail. It cannot be
          undone.
        </Text>
      ),
      labels: { confirm: 'Delete engagement', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(engagement.id)
          .then(() => {
            notifications.show({ message: `Engagement for ${engagement.clientName} deleted.` });
            navigate('engagements');
          })
          .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
      },
    });

  if (editing) {
    return (
      <>
        <PageHeader title={`Edit ${engagement.clientName}`} />
        <Paper withBorder p="lg" radius="md" maw={900}>
          <EngagementForm
            initial={engagement}
            submitLabel="Save changes"
            onCancel={() => navigate('engagements', engagement.id)}
            onSubmit={async (input) => {
              setEngagement(await update(engagement.id, input));
              notifications.show({ color: 'green', message: 'Changes saved.' });
              navigate('engagements', engagement.id);
            }}
          />
        </Paper>
      </>
    );
  }

  return (
    <>
      <Anchor href={href('engagements')} size="sm">
        <Group gap={4}>
          <IconArrowLeft size={14} /> All engagements
        </Group>
      </Anchor>
      <PageHeader
        title={engagement.clientName}
        subtitle={`Lead assessor ${engagement.leadAssessor} · changed ${formatDateTime(engagement.updatedAt)} by ${engagement.updatedBy}`}
        actions={
          <>
            <ConflictsBadge engagementId={engagement.id} />
            <ExportExchangeButton engagementId={engagement.id} />
            <Button
              variant="default"
              leftSection={<IconPencil size={16} />}
              onClick={() => navigate('engagements', engagement.id, 'edit')}
            >
              Edit
            </Button>
            <Button
              variant="light"
              color="red"
              leftSection={<IconTrash size={16} />}
              onClick={confirmDelete}
            >
              Delete
            </Button>
          </>
        }
      />
      <Stack gap="md" maw={1000}>
        <Paper withBorder p="lg" radius="md">
          <Title order={4} mb="xs">
            AIMS scope
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{engagement.aimsScope}</Text>
        </Paper>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              AI roles
            </Text>
            <Group gap={6} mt={6}>
              {engagement.aiRoles.length === 0 ? (
                <Text>Not stated</Text>
              ) : (
                engagement.aiRoles.map((r) => <Badge key={r}>{aiRoleLabels[r]}</Badge>)
              )}
            </Group>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              Sites
            </Text>
            <Group gap={6} mt={6}>
              {engagement.sites.length === 0 ? (
                <Text>None listed</Text>
              ) : (
                engagement.sites.map((s) => (
                  <Badge key={s} variant="light">
                    {s}
                  </Badge>
                ))
              )}
            </Group>
          </Paper>
          <Paper withBorder p="md" radius="md">
            <Text size="sm" c="dimmed">
              Dates
            </Text>
            <Text mt={6}>
              {formatDate(engagement.startDate)} – {formatDate(engagement.endDate)}
            </Text>
          </Paper>
        </SimpleGrid>
        <EngagementAssessments engagementId={engagement.id} />
        {engagement.notes && (
          <Paper withBorder p="lg" radius="md">
            <Title order={4} mb="xs">
              Notes
            </Title>
            <Text style={{ whiteSpace: 'pre-wrap' }}>{engagement.notes}</Text>
          </Paper>
        )}
      </Stack>
    </>
  );
}
