import { Card, Code, FileInput, Loader, Progress, Stack, Table, Text, Title } from '@mantine/core';
import type { SignatureCheckResult } from '../../../../shared/contracts/identities';
import { ErrorAlert } from '../../components/ErrorAlert';
import { TrustVerdict } from '../../components/TrustVerdict';
import { useVerify } from '../../stores/identities';

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

function Outcome({ result }: { result: SignatureCheckResult }) {
  const signer = result.signer;
  return (
    <Stack gap="sm">
      <TrustVerdict trust={result.trust} problems={result.problems} notes={result.notes} />
      {signer && (
        <Table aria-label="Signature details" withRowBorders={false}>
          <Table.Tbody>
            <Table.Tr>
              <Table.Th scope="row">Signed by (as the certificate says)</Table.Th>
              <Table.Td>
                {signer.name} &lt;{signer.email}&gt;
                {signer.organisation ? `, ${signer.organisation}` : ''}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Signed at (claimed by the signer)</Table.Th>
              <Table.Td>
                {result.signedAt ? new Date(result.signedAt).toLocaleString() : 'not stated'}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Issued by</Table.Th>
              <Table.Td>
                {result.trust.selfSigned ? 'itself (self-signed)' : (result.trust.issuer ?? '—')}
              </Table.Td>
            </Table.Tr>
            <Table.Tr>
              <Table.Th scope="row">Certificate fingerprint</Table.Th>
              <Table.Td>
                <Code style={{ wordBreak: 'break-all' }}>{signer.fingerprint}</Code>
              </Table.Td>
            </Table.Tr>
            {result.coversWholeFile !== undefined && (
              <Table.Tr>
                <Table.Th scope="row">Covers the whole file</Table.Th>
                <Table.Td>
                  {result.coversWholeFile ? 'Yes' : 'No — bytes were added after signing'}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      )}
      {signer && (
        <Text size="xs" c="dimmed">
          Compare the fingerprint with the one the signer gave you: anyone can make a certificate
          with any name, but not with this fingerprint.
        </Text>
      )}
    </Stack>
  );
}

/** Verify a signed report (PDF) or readiness pack: who signed, when, fingerprint, intact or not. */
export function VerifyPanel() {
  const { fileName, status, progress, result, error, verify, reset } = useVerify();
  const percent =
    progress && progress.total > 0 ? Math.round((progress.sent / progress.total) * 100) : 0;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="verify-title">
      <Stack>
        <Title order={3} id="verify-title">
          Verify a signed report or pack
        </Title>
        <Text size="sm" c="dimmed">
          Checks the signature, that nothing was changed or added after signing, and who signed. The
          file stays on this computer.
        </Text>
        <FileInput
          label="Signed file"
          placeholder="Choose a .pdf or .zip"
          accept=".pdf,.zip,application/pdf,application/zip"
          clearable
          disabled={status === 'sending' || status === 'checking'}
          onChange={(file) => (file ? void verify(file) : reset())}
        />
        {status === 'sending' && progress && (
          <Stack gap={4}>
            <Progress
              value={percent}
              aria-label={`Sending ${fileName ?? 'the file'}: ${percent}%`}
            />
            <Text size="xs" c="dimmed" aria-live="polite">
              Sending {mb(progress.sent)} of {mb(progress.total)}
            </Text>
          </Stack>
        )}
        {status === 'checking' && <Loader aria-label={`Checking ${fileName ?? 'the file'}`} />}
        {status === 'error' && error && <ErrorAlert message={error} />}
        {status === 'done' && result && fileName && <Outcome result={result} />}
      </Stack>
    </Card>
  );
}
