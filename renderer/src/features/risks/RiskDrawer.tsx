import { useEffect, useState, type FormEvent } from 'react';
import {
  Alert,
  Button,
  Drawer,
  Group,
  Stack,
  Tabs,
  Text,
  TextInput,
  Timeline,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import type { Risk, RiskHistoryEntry } from '../../../../shared/contracts/risks';
import { CommandError } from '../../../../shared/contracts/envelope';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDate, formatDateTime } from '../../format';
import { fetchRisk, useRisks } from '../../stores/risks';
import { TargetEvidencePanel } from '../evidence/TargetEvidencePanel';
import { RiskConsistency } from '../readiness/ConsistencyNotes';
import { FormFooter } from '../../components/FormFooter';
import { RiskForm, type RiskErrors, type RiskValues } from './RiskForm';

function initial(r: Risk | null): RiskValues {
  return {
    title: r?.title ?? '',
    description: r?.description ?? '',
    aiSystemIds: r?.aiSystemIds ?? [],
    riskSource: r?.riskSource ?? null,
    objectives: r?.objectives ?? [],
    likelihood: r?.likelihood ?? 3,
    impact: r?.impact ?? 3,
    treatmentOption: r?.treatmentOption ?? null,
    treatmentPlan: r?.treatmentPlan ?? '',
    controlIds: r?.controlIds ?? [],
    residualLikelihood: r?.residualLikelihood ?? null,
    residualImpact: r?.residualImpact ?? null,
    owner: r?.owner ?? '',
    dueDate: r?.dueDate ?? null,
    status: r?.status ?? 'open',
  };
}

/** Turns the main side's field-named validation issues into messages next to the fields. */
function fieldErrors(error: unknown): RiskErrors {
  const out: RiskErrors = {};
  if (error instanceof CommandError) {
    for (const issue of error.details?.issues ?? []) {
      const key = issue.path.split('.')[0] as keyof RiskValues;
      out[key] = issue.message;
    }
  }
  return out;
}

function History({ entries }: { entries: RiskHistoryEntry[] | null }) {
  if (!entries) return <Text c="dimmed">Loading history…</Text>;
  return (
    <Timeline bulletSize={14} lineWidth={2}>
      {entries.map((h, i) => (
        <Timeline.Item key={i} title={`${h.action.replace('risk.', '')} by ${h.actor}`}>
          <Text size="xs" c="dimmed">
            {formatDateTime(h.at)}
          </Text>
          {h.changes.map((c) => (
            <Text key={c.field} size="sm">
              <b>{c.field}</b>: {c.from || '—'} → {c.to || '—'}
            </Text>
          ))}
        </Timeline.Item>
      ))}
    </Timeline>
  );
}

export function RiskDrawer({ risk, onClose }: { risk: Risk | null; onClose(): void }) {
  const { criteria, saveRisk, deleteRisk, acceptRisk } = useRisks();
  const [values, setValues] = useState(() => initial(risk));
  const [errors, setErrors] = useState<RiskErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [history, setHistory] = useState<RiskHistoryEntry[] | null>(null);
  const [current, setCurrent] = useState(risk);
  const [acceptedBy, setAcceptedBy] = useState(risk?.owner ?? '');
  const [acceptedOn, setAcceptedOn] = useState(new Date().toISOString().slice(0, 10));
  useEffect(() => {
    if (!current) return;
    let live = true;
    void fetchRisk(current.id).then(
      (r) => live && setHistory(r.history),
      () => live && setHistory([]),
    );
    return () => {
      live = false;
    };
  }, [current]);
  if (!criteria) return null;

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!values.title.trim()) return setErrors({ title: 'Give the risk a title.' });
    setSaving(true);
    setFailure(null);
    try {
      await saveRisk(current?.id ?? null, values);
      onClose();
    } catch (error) {
      setErrors(fieldErrors(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  async function accept() {
    if (!current) return;
    try {
      setCurrent(await acceptRisk(current.id, acceptedBy, acceptedOn));
      setValues((v) => ({ ...v, status: 'accepted' }));
    } catch (error) {
      setFailure(errorMessage(error));
    }
  }

  const confirmDelete = () =>
    current &&
    modals.openConfirmModal({
      title: `Delete ${current.ref}?`,
      children:
        'The risk and its links to systems and controls are removed; the audit trail keeps a record.',
      labels: { confirm: 'Delete risk', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () =>
        void deleteRisk(current.id).then(onClose, (e: unknown) => setFailure(errorMessage(e))),
    });

  const stale = current && current.criteriaVersion !== criteria.version;
  const form = (
    <form onSubmit={(e) => void submit(e)} noValidate>
      <Stack>
        {failure && <ErrorAlert message={failure} />}
        {current && <RiskConsistency riskId={current.id} version={current.updatedAt} />}
        {stale && (
          <Alert color="yellow">
            Rated under criteria version {current.criteriaVersion}; the current version is{' '}
            {criteria.version}. Its recorded levels stay until it is re-rated.
          </Alert>
        )}
        <RiskForm
          values={values}
          errors={errors}
          criteria={criteria}
          onChange={(k, val) => setValues((v) => ({ ...v, [k]: val }))}
        />
        <FormFooter
          onDelete={current ? confirmDelete : undefined}
          onCancel={onClose}
          saving={saving}
          submitLabel={current ? 'Save risk' : 'Add risk'}
        />
      </Stack>
    </form>
  );

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={current ? `${current.ref} ${current.title}` : 'New risk'}
    >
      {!current ? (
        form
      ) : (
        <Tabs defaultValue="details">
          <Tabs.List mb="md">
            <Tabs.Tab value="details">Details</Tabs.Tab>
            <Tabs.Tab value="acceptance">Acceptance</Tabs.Tab>
            <Tabs.Tab value="evidence">Evidence</Tabs.Tab>
            <Tabs.Tab value="history">History</Tabs.Tab>
          </Tabs.List>
          <Tabs.Panel value="details">{form}</Tabs.Panel>
          <Tabs.Panel value="acceptance">
            <Stack>
              <Text size="sm">
                {current.acceptedBy
                  ? `Residual risk accepted by ${current.acceptedBy} on ${formatDate(current.acceptedAt)}.`
                  : 'The residual risk has not been accepted.'}
              </Text>
              {(current.residualScore ?? current.inherentScore) > criteria.acceptanceThreshold && (
                <Alert color="orange">
                  Its level ({current.residualScore ?? current.inherentScore}) is above the
                  acceptance threshold ({criteria.acceptanceThreshold}); accepting it is a
                  management decision to record deliberately.
                </Alert>
              )}
              <Group align="flex-end">
                <TextInput
                  label="Accepted by"
                  value={acceptedBy}
                  onChange={(e) => setAcceptedBy(e.currentTarget.value)}
                />
                <TextInput
                  type="date"
                  label="Accepted on"
                  value={acceptedOn}
                  onChange={(e) => setAcceptedOn(e.currentTarget.value)}
                />
                <Button onClick={() => void accept()} disabled={!acceptedBy.trim() || !acceptedOn}>
                  Record acceptance
                </Button>
              </Group>
            </Stack>
          </Tabs.Panel>
          <Tabs.Panel value="evidence">
            <TargetEvidencePanel
              engagementId={current.engagementId}
              target={{ riskId: current.id }}
            />
          </Tabs.Panel>
          <Tabs.Panel value="history">
            <History entries={history} />
          </Tabs.Panel>
        </Tabs>
      )}
    </Drawer>
  );
}
