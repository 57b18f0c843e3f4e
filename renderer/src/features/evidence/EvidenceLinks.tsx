import { useState } from 'react';
import { ActionIcon, Badge, Button, Group, Select, Stack, Table, Text } from '@mantine/core';
import { IconLink, IconUnlink } from '@tabler/icons-react';
import type { EvidenceDetail, EvidenceLink } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/error-message';
import { useEvidence } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useRequirementOptions } from './useRequirementOptions';
import { linkTarget, useLinkTargets } from './useLinkTargets';

const kindLabels = { requirement: 'Requirement', finding: 'Finding', risk: 'Risk' } as const;

function targetOf(link: EvidenceLink) {
  if (link.kind === 'requirement') return { requirementId: link.targetId };
  if (link.kind === 'finding') return { findingId: link.targetId };
  return { riskId: link.targetId };
}

/** Where the item is used, with unlink, and linking to another requirement. */
export function EvidenceLinks({
  item,
  onChanged,
}: {
  item: EvidenceDetail;
  onChanged: (item: EvidenceDetail) => void;
}) {
  const requirements = useRequirementOptions();
  const [requirementId, setRequirementId] = useState<string | null>(null);
  const targets = useLinkTargets(item.engagementId);
  const [target, setTarget] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const link = useEvidence((s) => s.link);
  const unlink = useEvidence((s) => s.unlink);

  async function run(action: () => Promise<EvidenceDetail>) {
    setError(null);
    try {
      onChanged(await action());
    } catch (e) {
      setError(errorMessage(e));
    }
  }

  return (
    <Stack gap="sm">
      {item.links.length === 0 ? (
        <Text size="sm" c="dimmed">
          Not linked to anything yet. Link it to the requirements, findings or risks it supports.
        </Text>
      ) : (
        <Table aria-label="Where used" verticalSpacing={4}>
          <Table.Tbody>
            {item.links.map((l) => (
              <Table.Tr key={l.id}>
                <Table.Td w={150}>
                  <Badge variant="light">{kindLabels[l.kind]}</Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="sm">
                    <b>{l.label}</b> {l.title}
                  </Text>
                </Table.Td>
                <Table.Td w={40}>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={`Unlink from ${l.label}`}
                    onClick={() => void run(() => unlink(item.id, targetOf(l)))}
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
          label="Link to requirement"
          placeholder="Choose a requirement"
          searchable
          data={requirements}
          value={requirementId}
          onChange={setRequirementId}
          style={{ flex: 1 }}
        />
        <Button
          leftSection={<IconLink size={16} />}
          variant="light"
          disabled={!requirementId}
          onClick={() =>
            requirementId &&
            void run(() => link(item.id, { requirementId })).then(() => setRequirementId(null))
          }
        >
          Link
        </Button>
      </Group>
      <Group align="flex-end" gap="xs">
        <Select
          label="Link to a finding or risk"
          placeholder="Choose a finding or risk"
          searchable
          data={targets}
          value={target}
          onChange={setTarget}
          nothingFoundMessage="No finding or risk matches."
          style={{ flex: 1 }}
        />
        <Button
          leftSection={<IconLink size={16} />}
          variant="light"
          disabled={!target}
          aria-label="Link to the finding or risk"
          onClick={() =>
            target && void run(() => link(item.id, linkTarget(target))).then(() => setTarget(null))
          }
        >
          Link
        </Button>
      </Group>
      {error && <ErrorAlert message={error} />}
    </Stack>
  );
}
