import { useEffect, useState, type FormEvent } from 'react';
import {
  Badge,
  Button,
  Code,
  FileInput,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Table,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { notifications } from '@mantine/notifications';
import { normaliseFingerprint, type TrustedSigner } from '../../../../shared/contracts/trust';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useTrust } from '../../stores/trust';

const MAX_CERTIFICATE_BYTES = 64 * 1024;

/** Add a certificate file or pin a fingerprint, with a name and a note. */
function AddTrustedSigner({ onDone }: { onDone(): void }) {
  const { addCertificate, pinFingerprint } = useTrust();
  const [mode, setMode] = useState<'certificate' | 'fingerprint'>('certificate');
  const [file, setFile] = useState<File | null>(null);
  const [fingerprint, setFingerprint] = useState('');
  const [name, setName] = useState('');
  const [note, setNote] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const tooBig = file !== null && file.size > MAX_CERTIFICATE_BYTES;
  const fingerprintOk = normaliseFingerprint(fingerprint) !== null;
  const ready =
    name.trim().length > 0 && (mode === 'certificate' ? file !== null && !tooBig : fingerprintOk);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!ready) return;
    setBusy(true);
    setError(null);
    const added =
      mode === 'certificate' && file
        ? addCertificate(file, { name, note })
        : pinFingerprint({ fingerprint, name, note });
    added
      .then((signer) => {
        notifications.show({ message: `${signer.name} is now a trusted signer.` });
        onDone();
      })
      .catch((e: unknown) => setError(errorMessage(e)))
      .finally(() => setBusy(false));
  };

  return (
    <form onSubmit={submit} aria-label="Add a trusted signer">
      <Stack gap="sm">
        <SegmentedControl
          value={mode}
          onChange={(v) => setMode(v === 'fingerprint' ? 'fingerprint' : 'certificate')}
          data={[
            { value: 'certificate', label: 'Add a certificate file' },
            { value: 'fingerprint', label: 'Pin a fingerprint' },
          ]}
        />
        {mode === 'certificate' ? (
          <FileInput
            label="Certificate"
            description="A .cer, .crt, .pem or .der file: a colleague’s certificate, or a CA certificate (every certificate it issued then counts)."
            accept=".cer,.crt,.pem,.der"
            value={file}
            onChange={setFile}
            error={tooBig ? 'A certificate is at most 64 KB.' : null}
            required
          />
        ) : (
          <TextInput
            label="SHA-256 fingerprint"
            description="Compare it with the signer over another channel (in person, by phone) before you pin it."
            value={fingerprint}
            onChange={(e) => setFingerprint(e.currentTarget.value)}
            error={fingerprint && !fingerprintOk ? 'Needs 64 hex digits.' : null}
            required
            spellCheck={false}
          />
        )}
        <TextInput
          label="Name"
          placeholder="Sam Patel, QA lead"
          maxLength={200}
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          required
        />
        <Textarea
          label="Note"
          placeholder="Fingerprint read out by Sam on the phone, 1 Dec"
          maxLength={2000}
          autosize
          minRows={2}
          value={note}
          onChange={(e) => setNote(e.currentTarget.value)}
        />
        {error && <ErrorAlert message={error} />}
        <Group>
          <Button type="submit" loading={busy} disabled={!ready}>
            Trust this signer
          </Button>
          <Button variant="default" onClick={onDone} disabled={busy}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

function describe(signer: TrustedSigner): string {
  if (signer.source === 'fingerprint') return 'Pinned fingerprint';
  const who = signer.subject || 'unnamed';
  return `${signer.isCa ? 'Authority (CA)' : 'Certificate'}: ${who}${signer.issuer ? `, issued by ${signer.issuer}` : ', self-signed'}`;
}

/** Settings → Trusted signers: list, add from a file, pin a fingerprint, remove (confirmed). */
export function TrustedSignersCard() {
  const { signers, identities, status, error, load, remove } = useTrust();
  const [adding, setAdding] = useState(false);
  useEffect(() => {
    void load();
  }, [load]);

  const confirmRemove = (signer: TrustedSigner) =>
    modals.openConfirmModal({
      title: `Stop trusting ${signer.name}?`,
      children: (
        <Text size="sm">
          Files signed by this certificate will then verify as intact but not trusted. Nothing
          already imported changes. The removal is kept in the audit trail.
        </Text>
      ),
      labels: { confirm: 'Stop trusting', cancel: 'Keep trusting' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        remove(signer.id).catch((e: unknown) =>
          notifications.show({ color: 'red', message: errorMessage(e) }),
        );
      },
    });

  return (
    <Paper withBorder p="lg" radius="md" component="section" aria-labelledby="trusted-title">
      <Stack gap="sm">
        <Title order={4} id="trusted-title">
          Trusted signers
        </Title>
        <Text size="sm" c="dimmed">
          A signed report or pack is only as good as its signer: anyone can make a certificate with
          any name. Verification calls a file trusted when it was signed by one of this data
          directory’s own identities, by a certificate trusted here, or by one a trusted authority
          issued.
        </Text>
        {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void load()} />}
        {(signers.length > 0 || identities.length > 0) && (
          <Table.ScrollContainer minWidth={640}>
            <Table aria-label="Trusted signers">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Name</Table.Th>
                  <Table.Th>What</Table.Th>
                  <Table.Th>Fingerprint (SHA-256)</Table.Th>
                  <Table.Th>Remove</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {identities.map((i) => (
                  <Table.Tr key={i.fingerprint}>
                    <Table.Td>{i.name}</Table.Td>
                    <Table.Td>
                      <Badge variant="light">Own identity</Badge>
                    </Table.Td>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{i.fingerprint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Text size="xs" c="dimmed">
                        (Reports → identities)
                      </Text>
                    </Table.Td>
                  </Table.Tr>
                ))}
                {signers.map((s) => (
                  <Table.Tr key={s.id}>
                    <Table.Td>
                      {s.name}
                      {s.note && (
                        <Text size="xs" c="dimmed">
                          {s.note}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>{describe(s)}</Table.Td>
                    <Table.Td>
                      <Code style={{ wordBreak: 'break-all' }}>{s.fingerprint}</Code>
                    </Table.Td>
                    <Table.Td>
                      <Button
                        size="xs"
                        variant="default"
                        color="red"
                        onClick={() => confirmRemove(s)}
                        aria-label={`Stop trusting ${s.name}`}
                      >
                        Remove
                      </Button>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
        {status === 'ready' && signers.length === 0 && identities.length === 0 && (
          <Text size="sm">
            No one is trusted yet: create a signing identity, or add a colleague’s certificate.
          </Text>
        )}
        {adding ? (
          <AddTrustedSigner onDone={() => setAdding(false)} />
        ) : (
          <Group>
            <Button onClick={() => setAdding(true)}>Add a trusted signer</Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
