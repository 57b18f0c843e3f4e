import { useEffect, useState } from 'react';
import { Alert, Button, Card, Checkbox, Code, Group, Stack, Text, Title } from '@mantine/core';
import { IconDownload } from '@tabler/icons-react';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveProgress } from '../../components/LiveProgress';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import { useAssessments } from '../../stores/assessments';
import { useIdentities } from '../../stores/identities';
import { AssessmentSelect } from '../reports/AssessmentSelect';
import { SignerFields } from '../reports/SignerFields';
import { downloadExport, usePackExport } from '../../stores/packs';

const size = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

/** Export a signed certification-readiness pack (.zip) of one assessment, then download it. */
export function PacksPanel() {
  const assessments = useAssessments();
  const identities = useIdentities();
  const { status, progress, error, last, run } = usePackExport();
  const [assessmentId, setAssessmentId] = useState<string | null>(null);
  const [identityId, setIdentityId] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [omitConfidential, setOmitConfidential] = useState(false);
  const [downloading, setDownloading] = useState(false);
  const [downloadError, setDownloadError] = useState<string | null>(null);
  const { load: loadAssessments } = assessments;
  const { load: loadIdentities } = identities;
  useEffect(() => {
    void loadAssessments();
    void loadIdentities();
  }, [loadAssessments, loadIdentities]);

  const running = status === 'running';
  const ready = assessmentId !== null && identityId !== null && passphrase.length >= 8;

  async function download(fileName: string) {
    setDownloading(true);
    setDownloadError(null);
    try {
      await filePlatform().saveCopy(await downloadExport(fileName), fileName);
    } catch (e) {
      setDownloadError(errorMessage(e));
    } finally {
      setDownloading(false);
    }
  }

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!assessmentId || !identityId) return;
    const built = await run({ assessmentId, identityId, passphrase, omitConfidential });
    setPassphrase(''); // used for this one pack, then forgotten
    if (built) void download(built.fileName);
  }

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="pack-export-title">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3} id="pack-export-title">
            Certification-readiness pack
          </Title>
          <Text size="sm" c="dimmed">
            One signed .zip for the certification body: the signed report, the Statement of
            Applicability and risk register (XLSX and CSV), impact assessments, evidence files, an
            index of the mandatory documented information, and a signed manifest of every
            file&apos;s SHA-256.
          </Text>
          {assessments.status === 'ready' && assessments.items.length === 0 && (
            <Alert color="gray">There is no assessment to pack yet.</Alert>
          )}
          <AssessmentSelect
            assessments={assessments.items}
            value={assessmentId}
            onChange={setAssessmentId}
          />
          {identities.status === 'ready' && identities.items.length === 0 ? (
            <Alert color="yellow">
              A pack is always signed: create or import a signing identity first.
            </Alert>
          ) : (
            <SignerFields
              identities={identities.items}
              identityId={identityId}
              onIdentity={setIdentityId}
              passphrase={passphrase}
              onPassphrase={setPassphrase}
              purpose="pack"
            />
          )}
          <Checkbox
            label="Leave out confidential evidence and interview notes"
            checked={omitConfidential}
            onChange={(e) => setOmitConfidential(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" disabled={!ready || running} loading={running}>
              Build signed pack
            </Button>
          </Group>
          <LiveProgress what="Pack" progress={running ? (progress ?? null) : null} />
          {status === 'error' && error && <ErrorAlert message={error} />}
          {downloadError && <ErrorAlert message={downloadError} />}
          {status === 'done' && last && (
            <Alert color="green" title="Signed pack ready">
              <Stack gap="xs">
                <Text size="sm">
                  {last.fileName} — {last.files} files, {size(last.bytes)}. A copy is kept in the
                  data directory under exports/.
                </Text>
                <Text size="xs">
                  SHA-256 of the .zip: <Code style={{ wordBreak: 'break-all' }}>{last.sha256}</Code>
                </Text>
                <Group>
                  <Button
                    size="xs"
                    leftSection={<IconDownload size={14} />}
                    loading={downloading}
                    onClick={() => void download(last.fileName)}
                  >
                    Download {last.fileName}
                  </Button>
                </Group>
              </Stack>
            </Alert>
          )}
        </Stack>
      </form>
    </Card>
  );
}
