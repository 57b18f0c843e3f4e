import { useCallback, useEffect, useState } from 'react';
import { Button, Code, Divider, Drawer, Group, Loader, Stack, Text } from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconDownload, IconTrash } from '@tabler/icons-react';
import type { EvidenceDetail } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import {
  canOpenExternally,
  fetchEvidence,
  readEvidenceBytes,
  useEvidence,
} from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { EvidenceLinks } from './EvidenceLinks';
import { EvidenceMetadataForm } from './EvidenceMetadataForm';
import { OpenExternallyButton } from './OpenExternallyButton';
import { EvidencePreview } from './EvidencePreview';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';
import { formatBytes } from './labels';

/** One item: preview, details, where it is used, export and delete. */
export function EvidenceDrawer({
  itemId,
  onClose,
}: {
  itemId: string | null;
  onClose: () => void;
}) {
  const [title, setTitle] = useState('Evidence');
  return (
    <Drawer
      opened={itemId !== null}
      onClose={onClose}
      position="right"
      size="xl"
      // Scroll locking injects an un-nonced <style> that the CSP (rightly) blocks.
      lockScroll={false}
      title={title}
      closeButtonProps={{ 'aria-label': 'Close evidence details' }}
    >
      {itemId && (
        <EvidenceDetails key={itemId} itemId={itemId} onClose={onClose} onTitle={setTitle} />
      )}
    </Drawer>
  );
}

/** Keyed by item id: every item starts from empty state. */
function EvidenceDetails({
  itemId,
  onClose,
  onTitle,
}: {
  itemId: string;
  onClose: () => void;
  onTitle: (title: string) => void;
}) {
  const [item, setItem] = useState<EvidenceDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const remove = useEvidence((s) => s.remove);

  useEffect(() => {
    fetchEvidence(itemId).then(
      (loaded) => {
        setItem(loaded);
        onTitle(loaded.title);
      },
      (e: unknown) => setError(errorMessage(e)),
    );
  }, [itemId, onTitle]);

  // The store has already told the other panels; this drawer shows the item as stored now.
  const update = useCallback(
    (next: EvidenceDetail) => {
      setItem(next);
      onTitle(next.title);
    },
    [onTitle],
  );

  async function exportCopy() {
    if (!item) return;
    setBusy(true);
    setError(null);
    try {
      await filePlatform().saveCopy(await readEvidenceBytes(item), item.originalName);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  }

  function confirmDelete() {
    if (!item) return;
    modals.openConfirmModal({
      title: 'Delete this evidence record?',
      children: (
        <Text size="sm">
          “{item.title}” and its {item.links.length} link(s) are removed. The stored file goes too
          unless another record uses the same file. The deletion is recorded in the audit trail.
        </Text>
      ),
      labels: { confirm: 'Delete record', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(item.id).then(onClose, (e: unknown) => setError(errorMessage(e)));
      },
    });
  }

  return (
    <>
      {error && <ErrorAlert message={error} />}
      {!item && !error && <Loader size="sm" aria-label="Loading evidence" />}
      {item && (
        <Stack gap="md">
          <Group gap="sm">
            <EvidenceStatusBadge status={item.effectiveStatus} />
            <Text size="sm">{item.originalName}</Text>
            <Text size="sm" c="dimmed">
              {formatBytes(item.size)} · {item.mediaType}
            </Text>
          </Group>
          <Text size="xs" c="dimmed">
            SHA-256 <Code>{item.sha256}</Code> · added {formatDateTime(item.createdAt)}, last
            changed by {item.updatedBy}
          </Text>
          <Group gap="sm">
            <Button
              leftSection={<IconDownload size={16} />}
              variant="default"
              loading={busy}
              onClick={() => void exportCopy()}
            >
              Export a copy
            </Button>
            {canOpenExternally() && <OpenExternallyButton id={item.id} />}
            <Button
              leftSection={<IconTrash size={16} />}
              variant="subtle"
              color="red"
              onClick={confirmDelete}
            >
              Delete
            </Button>
          </Group>
          <Divider label="Preview" labelPosition="left" />
          <EvidencePreview key={`${item.id}:${item.updatedAt}`} item={item} />
          <Divider label="Where used" labelPosition="left" />
          <EvidenceLinks item={item} onChanged={update} />
          <Divider label="Details" labelPosition="left" />
          <EvidenceMetadataForm key={item.updatedAt} item={item} onSaved={update} />
        </Stack>
      )}
    </>
  );
}
