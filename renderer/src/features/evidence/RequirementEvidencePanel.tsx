import { useEffect, useMemo, useState } from 'react';
import {
  ActionIcon,
  Anchor,
  Button,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import type { EvidenceItem } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { fetchEvidenceList, fetchRequirementEvidence, useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceDropzone } from './EvidenceDropzone';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';
import { UploadList } from './UploadList';

/**
 * For the interview screen: what is attached to the current requirement, a drop zone that
 * stores and links new files in one step, and linking an item already in the vault.
 */
export function RequirementEvidencePanel({
  engagementId,
  requirementId,
}: {
  engagementId: string;
  requirementId: string;
}) {
  const version = useEvidence((s) => s.version);
  const link = useEvidence((s) => s.link);
  const unlink = useEvidence((s) => s.unlink);
  const [attached, setAttached] = useState<EvidenceItem[] | null>(null);
  const [all, setAll] = useState<EvidenceItem[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [open, setOpen] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    let cancelled = false;
    Promise.all([
      fetchRequirementEvidence(engagementId, requirementId),
      fetchEvidenceList({ engagementId }),
    ]).then(
      ([mine, everything]) => {
        if (cancelled) return;
        setAttached(mine);
        setAll(everything);
      },
      (e: unknown) => !cancelled && setError(errorMessage(e)),
    );
    return () => {
      cancelled = true;
    };
  }, [engagementId, requirementId, version]);

  const linkable = useMemo(() => {
    const ids = new Set((attached ?? []).map((i) => i.id));
    return all
      .filter((i) => !ids.has(i.id))
      .map((i) => ({ value: i.id, label: `${i.title} (${i.originalName})` }));
  }, [all, attached]);

  // The store tells every panel (this one included) that evidence changed.
  async function run(action: () => Promise<unknown>) {
    setError(null);
    try {
      await action();
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Paper withBorder p="md" radius="md" aria-label="Evidence for this requirement">
      <Stack gap="sm">
        <Title order={5}>Evidence for this requirement</Title>
        {attached === null ? null : attached.length === 0 ? (
          <Text size="sm" c="dimmed">
            Nothing attached to this requirement yet.
          </Text>
        ) : (
          <Stack gap={4}>
            {attached.map((i) => (
              <Group key={i.id} justify="space-between" wrap="nowrap">
                <Group gap="xs" wrap="nowrap">
                  <Anchor component="button" type="button" size="sm" onClick={() => setOpen(i.id)}>
                    {i.title}
                  </Anchor>
                  <EvidenceStatusBadge status={i.effectiveStatus} />
                </Group>
                <ActionIcon
                  variant="subtle"
                  color="red"
                  aria-label={`Detach ${i.title}`}
                  onClick={() => void run(() => unlink(i.id, { requirementId }))}
                >
                  <IconUnlink size={16} />
                </ActionIcon>
              </Group>
            ))}
          </Stack>
        )}
        <EvidenceDropzone engagementId={engagementId} requirementId={requirementId} compact />
        <UploadList requirementId={requirementId} />
        {linkable.length > 0 && (
          <Group align="flex-end" gap="xs">
            <Select
              label="Link evidence already in the vault"
              placeholder="Choose an item"
              searchable
              data={linkable}
              value={choice}
              onChange={setChoice}
              style={{ flex: 1 }}
            />
            <Button
              variant="light"
              leftSection={<IconLink size={16} />}
              disabled={!choice}
              onClick={() =>
                choice &&
                void run(() => link(choice, { requirementId })).then(() => setChoice(null))
              }
            >
              Link
            </Button>
          </Group>
        )}
        {error && <ErrorAlert message={error} />}
      </Stack>
      <EvidenceDrawer itemId={open} onClose={() => setOpen(null)} />
    </Paper>
  );
}
