import {
  Alert,
  Button,
  Group,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import type { ConflictView } from '../../../../shared/contracts/conflicts';
import { errorMessage } from '../../api/error-message';
import type { Decision } from '../../stores/conflicts';
import { SideView } from './SideView';
import { fieldLabel, tableLabel } from './labels';

interface Props {
  conflict: ConflictView;
  onDecide(decision: Decision): Promise<void>;
}

/**
 * One conflict: both values side by side with who changed each and when, and the three ways to
 * settle it — keep this side, take the other side, or save an edited combination (text fields).
 */
export function ConflictCard({ conflict, onDecide }: Props) {
  const { mine, theirs, field } = conflict;
  const editable =
    field !== '' && (typeof mine.value === 'string' || typeof theirs.value === 'string');
  const [combined, setCombined] = useState(typeof mine.value === 'string' ? mine.value : '');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const title = `${tableLabel(conflict.table)} ${conflict.label} — ${fieldLabel(field)}`;
  const decide = async (decision: Decision) => {
    setBusy(true);
    setError(null);
    try {
      await onDecide(decision);
    } catch (e) {
      setError(errorMessage(e));
      setBusy(false);
    }
  };
  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-label={title}>
      <Stack gap="sm">
        <Title order={3} size="h4">
          {title}
        </Title>
        {field === '' && (
          <Text size="sm">
            {conflict.kind === 'edit-delete'
              ? 'The other side deleted this record after you changed it. Keep it, or delete it as they did.'
              : 'You deleted this record; the other side changed it (or added to it) meanwhile. Keep it deleted, or bring it back with their changes.'}
          </Text>
        )}
        <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
          <SideView heading="This data directory (mine)" side={mine} field={field} />
          <SideView
            heading="The other side (theirs)"
            side={theirs}
            field={field}
            origin={theirs.replica}
          />
        </SimpleGrid>
        {editable && (
          <Textarea
            label="Edited combination"
            description="Start from your value, bring in what you need from theirs, then save the combination."
            value={combined}
            onChange={(e) => setCombined(e.currentTarget.value)}
            autosize
            minRows={3}
            maxRows={14}
          />
        )}
        {error && (
          <Alert color="red" role="alert">
            {error}
          </Alert>
        )}
        <Group gap="sm">
          <Button variant="default" disabled={busy} onClick={() => void decide({ take: 'mine' })}>
            {field === '' && conflict.kind === 'delete-edit'
              ? 'Keep it deleted (mine)'
              : 'Keep mine'}
          </Button>
          <Button variant="default" disabled={busy} onClick={() => void decide({ take: 'theirs' })}>
            {field === '' && conflict.kind === 'edit-delete' ? 'Delete it (theirs)' : 'Take theirs'}
          </Button>
          {editable && (
            <Button disabled={busy} onClick={() => void decide({ take: 'value', value: combined })}>
              Save combination
            </Button>
          )}
        </Group>
      </Stack>
    </Paper>
  );
}
