import { useEffect, useState } from 'react';
import {
  Badge,
  Button,
  Card,
  Code,
  FileInput,
  Group,
  Loader,
  Progress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconLock } from '@tabler/icons-react';
import type { CommandOutput } from '../../../../shared/contracts';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { filePlatform } from '../../platform/files';
import { IntegrityVerdict } from '../../components/IntegrityVerdict';
import { TrustVerdict } from '../../components/TrustVerdict';
import { readPackFile, useImportedPacks } from '../../stores/packs';

type Detail = CommandOutput<'packs.get'>;

const size = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

const typeOf = (p: string) =>
  p.endsWith('.pdf')
    ? 'application/pdf'
    : p.endsWith('.xlsx')
      ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      : 'application/octet-stream';

function PackDetail({ detail }: { detail: Detail }) {
  const { open, detailStatus } = useImportedPacks();
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const { pack, manifest, check } = detail;

  async function save(path: string) {
    setBusy(path);
    setError(null);
    try {
      const name = path.split('/').pop() ?? 'file';
      await filePlatform().saveCopy(await readPackFile(pack.id, path, typeOf(path)), name);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(null);
    }
  }

  return (
    <Stack gap="sm" aria-label={`Imported pack ${pack.client}`}>
      <IntegrityVerdict valid={check.valid} problems={check.problems}>
        Every file matches the signed manifest (checked {new Date(check.checkedAt).toLocaleString()}
        ).
      </IntegrityVerdict>
      <Table aria-label="Pack details" withRowBorders={false}>
        <Table.Tbody>
          <Table.Tr>
            <Table.Th scope="row">Client</Table.Th>
            <Table.Td>{manifest.engagement.client}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Signed by</Table.Th>
            <Table.Td>
              {manifest.signer.name} &lt;{manifest.signer.email}&gt;
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Certificate fingerprint</Table.Th>
            <Table.Td>
              <Code style={{ wordBreak: 'break-all' }}>{manifest.signer.fingerprint}</Code>
            </Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th scope="row">Created</Table.Th>
            <Table.Td>
              {new Date(manifest.createdAt).toLocaleString()} with Assay {manifest.assayVersion}
              {manifest.omitConfidential ? ' — confidential material left out' : ''}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Group>
        <Button
          variant="default"
          size="xs"
          loading={detailStatus === 'checking'}
          onClick={() => void open(pack.id, true)}
        >
          Check every file again
        </Button>
      </Group>
      {error && <ErrorAlert message={error} />}
      <Table aria-label="Files in the pack" striped>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Size</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th>Download</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {manifest.files.map((f) => (
            <Table.Tr key={f.path}>
              <Table.Td style={{ wordBreak: 'break-all' }}>{f.path}</Table.Td>
              <Table.Td>{size(f.size)}</Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {f.sha256}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Download ${f.path}`}
                  loading={busy === f.path}
                  onClick={() => void save(f.path)}
                >
                  <IconDownload size={14} />
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Stack>
  );
}

/** How much of the picked pack has been handed over; checking starts when all of it has. */
function SendingBar({ sent, total }: { sent: number; total: number }) {
  const percent = total > 0 ? Math.round((sent / total) * 100) : 100;
  return (
    <Stack gap={4}>
      <Progress value={percent} aria-label={`Sending the pack: ${percent}%`} />
      <Text size="xs" c="dimmed" aria-live="polite">
        Sending {size(sent)} of {size(total)}
      </Text>
    </Stack>
  );
}

/** Import a readiness pack (read-only, never merged into this data directory's assessments). */
export function ImportedPacksPanel() {
  const state = useImportedPacks();
  const { load, importFile, open, close } = state;
  const [picked, setPicked] = useState<File | null>(null);
  useEffect(() => {
    void load();
  }, [load]);

  async function onPick(file: File | null, acceptUntrusted = false) {
    setPicked(file);
    if (!file) return;
    const pack = await importFile(file, acceptUntrusted);
    setPicked(null);
    if (pack) void open(pack.id);
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="imported-packs-title">
      <Stack>
        <Title order={3} id="imported-packs-title">
          Imported readiness packs
        </Title>
        <Text size="sm" c="dimmed">
          A pack is checked completely before anything is kept: a pack with an unsafe entry, an
          altered file or a bad signature is refused and nothing is written. An imported pack is a
          signed, read-only bundle; it is never merged into your own assessments.
        </Text>
        <FileInput
          label="Import a pack"
          placeholder="Choose a .zip"
          accept=".zip,application/zip"
          value={picked}
          onChange={(f) => void onPick(f)}
          disabled={state.importing}
          clearable
        />
        {state.importProgress && state.importProgress.sent < state.importProgress.total && (
          <SendingBar {...state.importProgress} />
        )}
        {state.importing &&
          (!state.importProgress || state.importProgress.sent >= state.importProgress.total) && (
            <Loader size="sm" aria-label="Checking and importing the pack" />
          )}
        {state.importError && <ErrorAlert message={state.importError} />}
        {state.untrusted && (
          <Stack gap="xs" aria-label="Import an untrusted pack?">
            <TrustVerdict trust={state.untrusted.trust} problems={[]} notes={[]} />
            <Text size="sm">
              Nothing was imported. Import {state.untrusted.file.name} anyway only if you have
              checked the fingerprint with its signer.
            </Text>
            <Group>
              <Button
                color="yellow"
                onClick={() => void onPick(state.untrusted?.file ?? null, true)}
              >
                Import anyway
              </Button>
              <Button variant="default" onClick={state.declineUntrusted}>
                Don’t import
              </Button>
            </Group>
          </Stack>
        )}
        {state.status === 'error' && state.error && (
          <ErrorAlert message={state.error} onRetry={() => void load()} />
        )}
        {state.status === 'ready' && state.items.length === 0 && (
          <Text size="sm">No pack has been imported into this data directory.</Text>
        )}
        {state.items.length > 0 && (
          <Table aria-label="Imported packs">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Client</Table.Th>
                <Table.Th>Signed by</Table.Th>
                <Table.Th>Files</Table.Th>
                <Table.Th>Imported</Table.Th>
                <Table.Th>Status</Table.Th>
                <Table.Th>Open</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {state.items.map((p) => (
                <Table.Tr key={p.id}>
                  <Table.Td>{p.client}</Table.Td>
                  <Table.Td>{p.signer.name}</Table.Td>
                  <Table.Td>
                    {p.files} ({size(p.bytes)})
                  </Table.Td>
                  <Table.Td>{new Date(p.importedAt).toLocaleString()}</Table.Td>
                  <Table.Td>
                    <Badge color={p.valid ? 'green' : 'red'} leftSection={<IconLock size={12} />}>
                      {p.valid ? 'Signed, read-only' : 'Not intact'}
                    </Badge>
                  </Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      variant="default"
                      aria-label={`Open the pack of ${p.client} imported ${p.importedAt}`}
                      onClick={() => void open(p.id)}
                    >
                      Open
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        {state.detailStatus === 'loading' && <Loader size="sm" aria-label="Opening the pack" />}
        {state.detailError && <ErrorAlert message={state.detailError} />}
        {state.detail && (
          <Stack gap="xs">
            <Group justify="space-between">
              <Title order={4}>{state.detail.pack.client}</Title>
              <Button size="xs" variant="subtle" onClick={close}>
                Close
              </Button>
            </Group>
            <PackDetail detail={state.detail} />
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
