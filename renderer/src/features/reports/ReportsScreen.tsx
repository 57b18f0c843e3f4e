import { useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  Loader,
  Select,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { IconDownload, IconFileCertificate } from '@tabler/icons-react';
import { reportKindLabels, reportKinds } from '../../../../shared/contracts/reports';
import type { ReportKindName } from '../../../../shared/contracts/reports';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { LiveProgress } from '../../components/LiveProgress';
import { PageHeader } from '../../components/PageHeader';
import { filePlatform } from '../../platform/files';
import { href } from '../../router/hash-route';
import { useAssessments } from '../../stores/assessments';
import { useReports, useReportTemplates, type RecentExport } from '../../stores/reports';
import { IdentitiesPanel } from './IdentitiesPanel';
import { VerifyPanel } from './VerifyPanel';
import { AssessmentSelect } from './AssessmentSelect';
import { SignerFields } from './SignerFields';
import { LabelledChoice } from './LabelledChoice';
import { SignatureChoice, useSignatureChoice } from './SignatureChoice';
import { TemplatesPanel } from './TemplatesPanel';
import { ImportedPacksPanel, PacksPanel } from '../packs';

const save = (entry: RecentExport) => filePlatform().saveCopy(entry.blob, entry.fileName);
const pagesOf = (entry: RecentExport) => (entry.pages === null ? '—' : String(entry.pages));
const size = (bytes: number) =>
  bytes > 1024 * 1024 ? `${(bytes / 1024 / 1024).toFixed(1)} MB` : `${Math.ceil(bytes / 1024)} KB`;

function ExportForm() {
  const assessments = useAssessments();
  const choice = useSignatureChoice('signed');
  const { signed, identities } = choice;
  const { status, progress, error, last, run } = useReports();
  const [assessmentId, setAssessmentId] = useState<string | null>(null);
  const [kind, setKind] = useState<ReportKindName>('full');
  const [template, setTemplate] = useState<string | null>(null);
  const templates = useReportTemplates();
  const { load: loadTemplates } = templates;
  const [omitConfidential, setOmitConfidential] = useState(false);
  const { load: loadAssessments } = assessments;
  useEffect(() => {
    void loadAssessments();
    void loadTemplates();
  }, [loadAssessments, loadTemplates]);

  const running = status === 'running';
  const word = choice.format === 'docx';
  const ready = assessmentId !== null && choice.ready;

  async function submit(event: React.FormEvent) {
    event.preventDefault();
    if (!assessmentId) return;
    const entry = await run({
      assessmentId,
      kind,
      ...(kind === 'full' && template ? { template } : {}),
      omitConfidential,
      ...choice.request,
    });
    choice.forgetPassphrase();
    if (entry) void save(entry);
  }

  if (assessments.status === 'loading') return <Loader aria-label="Loading assessments" />;
  if (assessments.status === 'error' && assessments.error)
    return <ErrorAlert message={assessments.error} onRetry={() => void loadAssessments()} />;
  if (assessments.status === 'ready' && assessments.items.length === 0)
    return (
      <EmptyState icon={<IconFileCertificate size={28} />} title="No assessment to report on">
        Reports are made from an assessment. <a href={href('assessments')}>Start one</a> first.
      </EmptyState>
    );

  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="export-title">
      <form onSubmit={(e) => void submit(e)}>
        <Stack>
          <Title order={3} id="export-title">
            Export a report
          </Title>
          <AssessmentSelect
            assessments={assessments.items}
            value={assessmentId}
            onChange={setAssessmentId}
          />
          <LabelledChoice
            id="kind-label"
            label="Report"
            value={kind}
            onChange={setKind}
            options={reportKinds.map((k) => ({ value: k, label: reportKindLabels[k] }))}
          />
          {kind === 'full' && (
            <Select
              label="Sections"
              description="Every section, or a saved template's choice and order (see Report templates below)"
              data={[
                { value: '', label: 'All sections (standard)' },
                ...templates.items.map((t) => ({ value: t.name, label: t.name })),
              ]}
              value={template ?? ''}
              onChange={(v) => setTemplate(v ? v : null)}
              allowDeselect={false}
            />
          )}
          <SignatureChoice
            choice={choice}
            idPrefix="report"
            issueLabel="Signature"
            draftLabel="Draft (unsigned, marked DRAFT)"
          >
            {word && (
              <Text size="sm" c="dimmed">
                A Word document stays editable, so it carries no digital signature: its sign-off
                names the signer, whose passphrase is checked, and refers to the signed PDF.
              </Text>
            )}
          </SignatureChoice>
          {signed && identities.items.length === 0 && identities.status === 'ready' && (
            <Alert color="yellow">
              A signed report needs a signing identity: create or import one below, or export a
              draft.
            </Alert>
          )}
          {signed && identities.items.length > 0 && (
            <SignerFields {...choice.signer} purpose="export" />
          )}
          <Checkbox
            label="Leave out interview notes and confidential evidence"
            checked={omitConfidential}
            onChange={(e) => setOmitConfidential(e.currentTarget.checked)}
          />
          <Group>
            <Button type="submit" disabled={!ready || running} loading={running}>
              {word ? 'Export Word document' : 'Export PDF'}
            </Button>
          </Group>
          <LiveProgress what="Export" progress={running ? (progress ?? null) : null} />
          {status === 'error' && error && <ErrorAlert message={error} />}
          {status === 'done' && last && (
            <Alert
              color="green"
              title={
                last.format === 'docx'
                  ? 'Word report ready'
                  : last.signed
                    ? 'Signed report ready'
                    : 'Draft report ready'
              }
            >
              <Stack gap="xs">
                <Text size="sm">
                  {last.fileName} —{' '}
                  {last.pages === null ? 'editable Word document' : `${last.pages} pages`},{' '}
                  {size(last.bytes)}. A copy is kept in the data directory under exports/.
                </Text>
                <Group>
                  <Button
                    size="xs"
                    leftSection={<IconDownload size={14} />}
                    onClick={() => void save(last)}
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

function RecentExports() {
  const recent = useReports((s) => s.recent);
  if (recent.length === 0) return null;
  return (
    <Card withBorder padding="lg" component="section" aria-labelledby="recent-title">
      <Title order={3} id="recent-title" mb="sm">
        Exported in this session
      </Title>
      <Table aria-label="Reports exported in this session">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>File</Table.Th>
            <Table.Th>Pages</Table.Th>
            <Table.Th>Signed</Table.Th>
            <Table.Th>SHA-256</Table.Th>
            <Table.Th>Download</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {recent.map((r) => (
            <Table.Tr key={`${r.fileName}-${r.at}`}>
              <Table.Td>{r.fileName}</Table.Td>
              <Table.Td>{pagesOf(r)}</Table.Td>
              <Table.Td>
                {r.signed ? 'Yes' : r.format === 'docx' ? 'No (editable)' : 'Draft'}
              </Table.Td>
              <Table.Td>
                <Text size="xs" ff="monospace" style={{ wordBreak: 'break-all' }}>
                  {r.sha256}
                </Text>
              </Table.Td>
              <Table.Td>
                <Button
                  size="xs"
                  variant="default"
                  aria-label={`Download ${r.fileName}`}
                  onClick={() => void save(r)}
                >
                  <IconDownload size={14} />
                </Button>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Card>
  );
}

/** Reports: export signed or draft PDFs, manage signing identities, verify a signed file. */
export function ReportsScreen() {
  return (
    <Stack>
      <PageHeader
        title="Reports"
        subtitle="The gap assessment report, the Statement of Applicability and the risk register as PDF, signed so that any later change shows, or as an editable Word document."
      />
      <ExportForm />
      <RecentExports />
      <TemplatesPanel />
      <PacksPanel />
      <IdentitiesPanel />
      <VerifyPanel />
      <ImportedPacksPanel />
    </Stack>
  );
}
