import { useEffect, useState } from 'react';
import { Divider, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { CorrectiveAction } from '../../../../shared/contracts/corrective-actions';
import type { FindingGrade } from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { fetchAction, useCorrectiveActions } from '../../stores/corrective-actions';
import { GradeBadge } from '../findings/GradeBadge';
import { ActionStatusBadge, OverdueBadge } from './ActionStatusBadge';
import { ClosingSteps } from './ClosingSteps';
import { PlanForm } from './PlanForm';

/** What the drawer needs to know about the finding before its action is loaded. */
export interface FindingHeader {
  id: string;
  ref: string;
  grade: FindingGrade;
  statement: string;
  owner: string;
  closed: boolean;
  raisedIn?: string;
  requirementRef: string;
}

/**
 * The corrective action of one finding, from correction to closure. The finding closes only
 * through the steps at the bottom: an effective review, or an acceptance with its reason.
 */
export function CorrectiveActionDrawer({
  finding,
  onClose,
}: {
  finding: FindingHeader;
  onClose(): void;
}) {
  const [action, setAction] = useState<CorrectiveAction | null | undefined>(undefined);
  const [error, setError] = useState<string | null>(null);
  // A new key after each step remounts the forms with what the main side saved.
  const [version, setVersion] = useState(0);
  const store = useCorrectiveActions();

  useEffect(() => {
    let live = true;
    fetchAction(finding.id)
      .then((a) => live && setAction(a))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [finding.id]);

  const after = (message: string) => (a: CorrectiveAction | null) => {
    setAction(a);
    setVersion((v) => v + 1);
    notifications.show({ message });
  };
  const closed = action ? action.finding.status === 'closed' : finding.closed;
  const title = `Corrective action — ${finding.ref}`;

  return (
    <Drawer opened onClose={onClose} position="right" size="xl" title={title}>
      <Stack gap="md">
        <Stack gap={4}>
          <Group gap="xs">
            <GradeBadge grade={finding.grade} />
            <Text size="sm" c="dimmed">
              {finding.raisedIn ? `${finding.raisedIn} · ` : ''}
              {finding.requirementRef}
            </Text>
            {action && <ActionStatusBadge status={action.status} />}
            {action && <OverdueBadge days={action.daysOverdue} />}
          </Group>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {finding.statement}
          </Text>
        </Stack>
        {error && <ErrorAlert message={error} />}
        {action === undefined && !error && <Loader aria-label="Loading the corrective action" />}
        {action !== undefined && (
          <>
            <PlanForm
              key={`plan-${version}`}
              action={action}
              findingOwner={finding.owner}
              readOnly={closed}
              onSave={(plan) =>
                store.save(finding.id, plan).then(after(`${finding.ref}: action saved.`))
              }
            />
            <Divider />
            <ClosingSteps
              key={`steps-${version}`}
              action={action}
              findingClosed={closed}
              readOnly={false}
              onReview={(review) =>
                store
                  .review(finding.id, review)
                  .then(
                    after(
                      review.effective
                        ? `${finding.ref} closed: action verified effective.`
                        : `${finding.ref}: action found not effective.`,
                    ),
                  )
              }
              onAccept={(reason) =>
                store.accept(finding.id, reason).then(after(`${finding.ref} accepted and closed.`))
              }
              onReopen={(reason) =>
                store.reopen(finding.id, reason).then(after(`${finding.ref} reopened.`))
              }
            />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
