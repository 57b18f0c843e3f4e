import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Code,
  Group,
  Loader,
  Stack,
  Table,
  Text,
  Title,
  VisuallyHidden,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { IconKey } from '@tabler/icons-react';
import type { Identity } from '../../../../shared/contracts/identities';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useIdentities } from '../../stores/identities';
import { CreateIdentityForm, ImportIdentityForm } from './IdentityForms';

const day = (iso: string) => iso.slice(0, 10);

function confirmDelete(identity: Identity, remove: (id: string) => Promise<void>) {
  modals.openConfirmModal({
    title: `Delete the signing identity ${identity.name}?`,
    children: (
      <Text size="sm">
        Its private key is removed from this computer. Reports already signed with it stay valid and
        verifiable, but nothing new can be signed with it. The deletion is kept in the audit trail.
        It cannot be undone.
      </Text>
    ),
    labels: { confirm: 'Delete identity', cancel: 'Keep it' },
    confirmProps: { color: 'red' },
    onConfirm: () => {
      remove(identity.id)
        .then(() => notifications.show({ message: `Signing identity ${identity.name} deleted.` }))
        .catch((e: unknown) => notifications.show({ color: 'red', message: errorMessage(e) }));
    },
  });
}

/** Signing identities: list with fingerprints, create, import a .p12, delete. */
export function IdentitiesPanel() {
  const { items, status, error, load, remove } = useIdentities();
  const [mode, setMode] = useState<'list' | 'create' | 'import'>('list');
  useEffect(() => {
    void load();
  }, [load]);

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="identities-title">
      <Stack>
        <Group justify="space-between">
          <Title order={3} id="identities-title">
            Signing identities
          </Title>
          {mode === 'list' && (
            <Group gap="xs">
              <Button onClick={() => setMode('create')}>New identity</Button>
              <Button variant="default" onClick={() => setMode('import')}>
                Import .p12/.pfx
              </Button>
            </Group>
          )}
        </Group>
        {mode === 'create' && <CreateIdentityForm onDone={() => setMode('list')} />}
        {mode === 'import' && <ImportIdentityForm onDone={() => setMode('list')} />}
        {status === 'loading' && <Loader aria-label="Loading signing identities" />}
        {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void load()} />}
        {status === 'ready' && items.length === 0 && mode === 'list' && (
          <EmptyState icon={<IconKey size={28} />} title="No signing identity yet">
            Reports and readiness packs are signed with an identity: a key and certificate kept in
            this data directory under a passphrase. Create one, or import the .p12/.pfx your
            organisation issued.
          </EmptyState>
        )}
        {items.length > 0 && (
          <Table.ScrollContainer minWidth={720}>
            <Table verticalSpacing="sm" aria-label="Signing identities">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Signer</Table.Th>
                  <Table.Th>Valid</Table.Th>
                  <Table.Th>Certificate fingerprint (SHA-256)</Table.Th>
                  <Table.Th>
                    <VisuallyHidden>Actions</VisuallyHidden>
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {items.map((identity) => (
                  <Table.Tr key={identity.id}>
                    <Table.Td>
                      <Text fw={600}>{identity.name}</Text>
                      <Text size="sm" c="dimmed">
                        {identity.email}
                        {identity.organisation ? ` · ${identity.organisation}` : ''}
                        {identity.role ? ` · ${identity.role}` : ''}
                      </Text>
                      <Badge size="xs" variant="light" mt={4}>
                        {identity.origin === 'imported' ? 'Imported' : 'Self-signed'} ·{' '}
                        {identity.keyAlgorithm}
                      </Badge>
                    </Table.Td>
                    <Table.Td>
                      <Text size="sm">
                        {day(identity.notBefore)} – {day(identity.notAfter)}
                      </Text>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{identity.fingerprint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="subtle"
                        color="red"
                        aria-label={`Delete signing identity ${identity.name}`}
                        onClick={() => confirmDelete(identity, remove)}
                      >
                        Delete
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </Stack>
    </Card>
  );
}
