import { useState } from 'react';
import { Alert, Button, List, Paper, Text, Title } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import type { IntegrityReport } from '../../../../shared/contracts/evidence';
import { errorMessage } from '../../api/client';
import { checkEvidenceFiles } from '../../stores/evidence';
import { ErrorAlert } from '../../components/ErrorAlert';

/** Settings → re-hash every vault file and say what is missing, altered or unreferenced. */
export function EvidenceCheckCard() {
  const [running, setRunning] = useState(false);
  const [report, setReport] = useState<IntegrityReport | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function check() {
    setRunning(true);
    setError(null);
    try {
      setReport(await checkEvidenceFiles());
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setRunning(false);
    }
  }

  const short = (sha: string) => `${sha.slice(0, 12)}…`;
  return (
    <Paper withBorder p="lg" radius="md">
      <Title order={4} mb="xs">
        Evidence files
      </Title>
      <Text size="sm" c="dimmed" mb="md">
        Every stored file is named by its SHA-256. Checking re-reads and re-hashes each one, so a
        file that went missing or was changed outside Assay shows. Large vaults take a while.
      </Text>
      <Button
        leftSection={<IconFileCheck size={16} />}
        loading={running}
        onClick={() => void check()}
      >
        Check evidence files
      </Button>
      {error && <ErrorAlert message={error} />}
      {report && (
        <Alert
          mt="md"
          role="status"
          color={report.ok ? 'green' : 'red'}
          title={report.ok ? 'All files intact' : 'Problems found'}
        >
          <Text size="sm">
            {report.items} records, {report.objects} stored files checked. Missing{' '}
            {report.missing.length}, altered {report.altered.length}, unreferenced{' '}
            {report.unreferenced.length}.
          </Text>
          {!report.ok && (
            <List size="sm" mt="xs">
              {report.missing.map((m) => (
                <List.Item key={`m${m.sha256}`}>
                  Missing: {short(m.sha256)} ({m.items.length} record(s))
                </List.Item>
              ))}
              {report.altered.map((a) => (
                <List.Item key={`a${a.sha256}`}>
                  Altered: {short(a.sha256)} ({a.items.length} record(s))
                </List.Item>
              ))}
              {report.unreferenced.map((u) => (
                <List.Item key={`u${u.name}`}>Unreferenced: objects/{u.name}</List.Item>
              ))}
            </List>
          )}
        </Alert>
      )}
    </Paper>
  );
}
