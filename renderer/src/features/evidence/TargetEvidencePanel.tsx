import { useEffect, useMemo, useState } from 'react';
import { ActionIcon, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import type { EvidenceItem } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { fetchEvidenceList, useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceStatusBadge } from './EvidenceStatusBadge';

type Target = { riskId: string } | { findingId: string };

/** Evidence linked to one risk or finding, with linking of items already in the vault. */
export function TargetEvidencePanel({
  engagementId,
  target,
}: {
  engagementId: string;
  target: Target;
}) {
  const [linked, setLinked] = useState<EvidenceItem[] | null>(null);
  const [all, setAll] = useState<EvidenceItem[]>([]);
  const [choice, setChoice] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const version = useEvidence((s) => s.version);
  const link = useEvidence((s) => s.link);
  const unlink = useEvidence((s) => s.unlink);
  const key = JSON.stringify(target);

  useEffect(() => {
    let live = true;
    const filter = JSON.parse(key) as Target;
    Promise.all([
      fetchEvidenceList({ engagementId, ...filter }),
      fetchEvidenceList({ engagementId }),
    ]).then(
      ([mine, everything]) => {
        if (!live) return;
        setLinked(mine);
        setAll(everything);
      },
      (e: unknown) => live && setError(errorMessage(e)),
    );
    return () => {
      live = false;
    };
  }, [engagementId, key, version]);

  const options = useMemo(() => {
    const taken = new Set((linked ?? []).map((i) => i.id));
    return all.filter((i) => !taken.has(i.id)).map((i) => ({ value: i.id, label: i.title }));
  }, [all, linked]);

  // The store's version rises after the change, which reloads this panel.
  async function change(action: typeof link, evidenceId: string) {
    setError(null);
    try {
      await action(evidenceId, target);
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="sm">
      {error && <ErrorAlert message={error} />}
      {linked?.length === 0 && (
        <Text size="sm" c="dimmed">
          No evidence linked yet. Link what shows the treatment works (test results, procedures,
          records).
        </Text>
      )}
      {linked && linked.length > 0 && (
        <Table aria-label="Linked evidence" verticalSpacing={4}>
          <Table.Tbody>
            {linked.map((i) => (
              <Table.Tr key={i.id}>
                <Table.Td>
                  <Text size="sm">{i.title}</Text>
                  <Text size="xs" c="dimmed">
                    {i.sha256.slice(0, 16)}…
                  </Text>
                </Table.Td>
                <Table.Td w={120}>
                  <EvidenceStatusBadge status={i.effectiveStatus} />
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Unlink ${i.title}`}
                    onClick={() => void change(unlink, i.id)}
                  >
                    <IconUnlink size={16} />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
      <Group align="flex-end" gap="xs">
        <Select
          label="Link evidence already in the vault"
          placeholder={options.length === 0 ? 'Nothing else in the vault' : 'Choose an item'}
          searchable
          data={options}
          value={choice}
          onChange={setChoice}
          style={{ flex: 1 }}
        />
        <Button
          leftSection={<IconLink size={16} />}
          variant="light"
          disabled={!choice}
          onClick={() => choice && void change(link, choice).then(() => setChoice(null))}
        >
          Link
        </Button>
      </Group>
    </Stack>
  );
}
