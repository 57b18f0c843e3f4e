import { useCallback, useEffect, useState } from 'react';
import {
  Alert,
  Button,
  Group,
  Loader,
  Paper,
  Progress,
  SegmentedControl,
  Stack,
  Text,
} from '@mantine/core';
import { IconArrowLeft, IconChecklist, IconFileCertificate } from '@tabler/icons-react';
import type { AuditChecklist, AuditFinding } from '../../../../shared/contracts/audit-checklist';
import {
  checklistVerdictLabels,
  checklistVerdicts,
} from '../../../../shared/rules/audit-checklist';
import { auditStatusLabels } from '../../../../shared/rules/audit-programme';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router/hash-route';
import { fetchChecklist } from '../../stores/audits';
import { fetchEvidenceList } from '../../stores/evidence';
import { exportAuditReport } from '../../stores/record-reports';
import { RecordExportModal } from '../reports/RecordExportModal';
import {
  CorrectiveActionDrawer,
  type FindingHeader,
} from '../corrective-actions/CorrectiveActionDrawer';
import { AuditFindingsPanel } from './AuditFindingsPanel';
import { ChecklistLineCard, type EvidenceChoice } from './ChecklistLineCard';

const header = (f: AuditFinding): FindingHeader => ({
  id: f.id,
  ref: f.ref,
  grade: f.grade,
  statement: f.statement,
  owner: f.actionOwner ?? '',
  closed: f.status === 'closed',
  raisedIn: f.assessmentTitle,
  requirementRef: f.requirementRef,
});

/**
 * An internal audit's checklist, answered during the audit: one card per requirement it covers
 * with the question bank's prompts, the progress so far, and the findings it raised with the
 * state of their corrective actions.
 */
export function ChecklistScreen({
  engagementId,
  auditId,
}: {
  engagementId: string;
  auditId: string;
}) {
  const [checklist, setChecklist] = useState<AuditChecklist | null>(null);
  const [evidence, setEvidence] = useState<EvidenceChoice[]>([]);
  const [failure, setFailure] = useState<string | null>(null);
  const [show, setShow] = useState<'all' | 'open'>('all');
  const [acting, setActing] = useState<FindingHeader | null>(null);
  const [reporting, setReporting] = useState(false);

  const load = useCallback(() => {
    fetchChecklist(auditId)
      .then(setChecklist)
      .catch((error: unknown) => setFailure(errorMessage(error)));
  }, [auditId]);
  useEffect(() => {
    load();
    fetchEvidenceList({ engagementId })
      .then((items) => setEvidence(items.map((i) => ({ value: i.id, label: i.title }))))
      .catch((error: unknown) => setFailure(errorMessage(error)));
  }, [load, engagementId]);

  const back = (
    <Button
      variant="default"
      leftSection={<IconArrowLeft size={16} />}
      onClick={() => navigate('audits', engagementId)}
    >
      Back to the programme
    </Button>
  );
  if (!checklist)
    return (
      <>
        <PageHeader title="Audit checklist" actions={back} />
        {failure ? (
          <ErrorAlert message={failure} onRetry={load} />
        ) : (
          <Loader aria-label="Loading the checklist" />
        )}
      </>
    );

  const { audit, progress, lines } = checklist;
  const readOnly = audit.status === 'cancelled';
  const shown = show === 'open' ? lines.filter((l) => !l.answer) : lines;
  const percent = progress.total ? Math.round((progress.answered / progress.total) * 100) : 0;
  return (
    <>
      <PageHeader
        title={`Checklist — ${audit.title}`}
        subtitle={`${auditStatusLabels[audit.status]}${audit.criteria ? ` · Criteria: ${audit.criteria}` : ''}`}
        actions={
          <>
            <Button
              leftSection={<IconFileCertificate size={16} />}
              onClick={() => setReporting(true)}
              disabled={audit.status === 'planned' || audit.status === 'cancelled'}
            >
              Audit report
            </Button>
            {back}
          </>
        }
      />
      <Stack gap="md">
        {failure && <ErrorAlert message={failure} onRetry={load} />}
        <Paper withBorder p="md" radius="md" component="section" aria-label="Progress">
          <Group justify="space-between" mb={6}>
            <Text fw={600}>
              {progress.answered} of {progress.total} requirements answered
            </Text>
            <Text size="sm" c="dimmed">
              {checklistVerdicts
                .map((v) => `${checklistVerdictLabels[v]} ${progress.counts[v]}`)
                .join(' · ')}
            </Text>
          </Group>
          <Progress value={percent} aria-label={`Checklist ${percent} % answered`} />
          <Text size="sm" c="dimmed" mt={6}>
            {checklist.currentAssessment
              ? `Nonconformities go to the findings log of “${checklist.currentAssessment.title}”.`
              : ''}
          </Text>
        </Paper>
        {!checklist.currentAssessment && (
          <Alert color="orange" title="No assessment in progress">
            A nonconformity is logged in the engagement’s assessment in progress, and there is none:
            start the next assessment from the final one before recording nonconformities.
          </Alert>
        )}
        {readOnly && (
          <Alert color="gray" title="Cancelled">
            This audit was cancelled: its checklist is kept as it was.
          </Alert>
        )}
        <AuditFindingsPanel findings={checklist.findings} onAction={(f) => setActing(header(f))} />
        {lines.length === 0 ? (
          <Paper withBorder radius="md">
            <EmptyState icon={<IconChecklist size={28} />} title="Nothing to audit yet">
              The checklist comes from the requirements the audit covers. Open the audit in the
              programme and choose them.
            </EmptyState>
          </Paper>
        ) : (
          <>
            <SegmentedControl
              aria-label="Lines shown"
              value={show}
              onChange={(v) => setShow(v as 'all' | 'open')}
              data={[
                { value: 'all', label: `All (${lines.length})` },
                { value: 'open', label: `To audit (${lines.length - progress.answered})` },
              ]}
              w="fit-content"
            />
            {shown.length === 0 && (
              <Text c="dimmed" size="sm">
                Every line is answered.
              </Text>
            )}
            {shown.map((line) => (
              <ChecklistLineCard
                key={`${line.requirementId}:${line.answer?.updatedAt ?? ''}`}
                auditId={audit.id}
                line={line}
                evidence={evidence}
                readOnly={readOnly}
                onSaved={load}
              />
            ))}
          </>
        )}
      </Stack>
      {reporting && (
        <RecordExportModal
          title="Internal audit report"
          unsignable={
            audit.status === 'completed'
              ? null
              : 'The report is signed once the audit is completed (its status in the programme); a draft can be produced now.'
          }
          produce={(request) => exportAuditReport(audit.id, request)}
          onClose={() => setReporting(false)}
        />
      )}
      {acting && (
        <CorrectiveActionDrawer
          key={acting.id}
          finding={acting}
          onClose={() => {
            setActing(null);
            load();
          }}
        />
      )}
    </>
  );
}
