import { useEffect, useState } from 'react';
import { Alert, Button, Code, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { IconShieldCheck } from '@tabler/icons-react';
import { errorMessage } from '../../api/error-message';
import { useAppInfo, verifyAuditTrail } from '../../stores/app';
import { PageHeader } from '../../components/PageHeader';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceCheckCard } from './EvidenceCheckCard';
import { StoreCheckCard } from './StoreCheckCard';
import { TrustedSignersCard } from './TrustedSignersCard';
import { BrandingCard } from './BrandingCard';

interface Verification {
  ok: boolean;
  rows: number;
  brokenAt: number | null;
}

export function SettingsScreen() {
  const { info, error, load } = useAppInfo();
  const [checking, setChecking] = useState(false);
  const [verification, setVerification] = useState<Verification | null>(null);
  const [checkError, setCheckError] = useState<string | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  async function verify() {
    setChecking(true);
    setCheckError(null);
    try {
      setVerification(await verifyAuditTrail());
    } catch (e) {
      setCheckError(errorMessage(e));
    } finally {
      setChecking(false);
    }
  }

  return (
    <>
      <PageHeader
        title="Settings"
        subtitle="Where Assay keeps your data, how reports are branded, and checks you can run on it."
      />
      <Stack maw={900} gap="md">
        {error && <ErrorAlert message={error} onRetry={() => void load()} />}
        {info && (
          <Paper withBorder p="lg" radius="md">
            <Title order={4} mb="sm">
              This installation
            </Title>
            <Table aria-label="Installation">
              <Table.Tbody>
                <Table.Tr>
                  <Table.Th w={200}>Version</Table.Th>
                  <Table.Td>Assay {info.version}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Data directory</Table.Th>
                  <Table.Td>
                    <Code>{info.dataDir}</Code>
                  </Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Changes recorded as</Table.Th>
                  <Table.Td>{info.actor}</Table.Td>
                </Table.Tr>
                <Table.Tr>
                  <Table.Th>Running as</Table.Th>
                  <Table.Td>
                    {info.transport === 'ipc' ? 'Desktop app' : 'Browser mode (loopback only)'}
                  </Table.Td>
                </Table.Tr>
              </Table.Tbody>
            </Table>
          </Paper>
        )}
        <Paper withBorder p="lg" radius="md">
          <Title order={4} mb="xs">
            Audit trail
          </Title>
          <Text size="sm" c="dimmed" mb="md">
            Every change is recorded in a hash-chained trail. Checking it recomputes every link, so
            a row that was removed or altered outside Assay shows.
          </Text>
          <Button
            leftSection={<IconShieldCheck size={16} />}
            loading={checking}
            onClick={() => void verify()}
          >
            Check the audit trail
          </Button>
          {checkError && <ErrorAlert message={checkError} />}
          {verification && (
            <Alert
              mt="md"
              color={verification.ok ? 'green' : 'red'}
              role="status"
              title={verification.ok ? 'Intact' : 'Broken'}
            >
              {verification.ok
                ? `All ${verification.rows} entries link up; nothing was removed or altered.`
                : `The chain breaks at entry ${verification.brokenAt}: the trail was altered outside Assay.`}
            </Alert>
          )}
        </Paper>
        <BrandingCard />
        <StoreCheckCard />
        <EvidenceCheckCard />
        <TrustedSignersCard />
      </Stack>
    </>
  );
}
