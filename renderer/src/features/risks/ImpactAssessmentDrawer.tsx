import { useState, type FormEvent } from 'react';
import {
  ActionIcon,
  Button,
  Checkbox,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import { modals } from '@mantine/modals';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type {
  ImpactAssessment,
  ImpactAssessmentInput,
} from '../../../../shared/contracts/impact-assessments';
import {
  affectedKinds,
  impactAreaLabels,
  impactAreas,
  type AffectedKind,
  type ImpactArea,
} from '../../../../shared/domain/risks';
import { errorMessage } from '../../api/error-message';
import { FormDrawer } from '../../components/FormDrawer';
import { FormFooter } from '../../components/FormFooter';
import { useRisks } from '../../stores/risks';

type Values = Required<ImpactAssessmentInput>;
const scale = ['1', '2', '3', '4', '5'];

function initial(a: ImpactAssessment | null): Values {
  return {
    affected: a?.affected ?? [{ kind: 'individuals', who: '' }],
    impactAreas: a?.impactAreas ?? [],
    severity: a?.severity ?? 3,
    likelihood: a?.likelihood ?? 3,
    measuresInPlace: a?.measuresInPlace ?? '',
    measuresPlanned: a?.measuresPlanned ?? '',
    reviewer: a?.reviewer ?? '',
    reviewedOn: a?.reviewedOn ?? null,
    outcome: a?.outcome ?? '',
    riskIds: a?.riskIds ?? [],
  };
}

export function ImpactAssessmentDrawer({
  assessment,
  onClose,
}: {
  assessment: ImpactAssessment | null;
  onClose(): void;
}) {
  const { systems, risks, saveAssessment, deleteAssessment } = useRisks();
  const [systemId, setSystemId] = useState<string | null>(
    assessment?.aiSystemId ?? systems[0]?.id ?? null,
  );
  const [v, setV] = useState(() => initial(assessment));
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof Values>(key: K, value: Values[K]) =>
    setV((old) => ({ ...old, [key]: value }));
  const systemName = systems.find((s) => s.id === systemId)?.name;
  // Offer the system's own risks first; linking any risk of the engagement stays possible.
  const riskOptions = risks
    .filter((r) => !systemName || r.aiSystemNames.includes(systemName) || v.riskIds.includes(r.id))
    .slice(0, 2000)
    .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!systemId) return setFailure('Choose the AI system this assessment is about.');
    setSaving(true);
    setFailure(null);
    try {
      await saveAssessment(assessment?.id ?? null, systemId, {
        ...v,
        affected: v.affected.filter((a) => a.who.trim()),
      });
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const toggleArea = (area: ImpactArea, on: boolean) =>
    set(
      'impactAreas',
      on ? [...v.impactAreas, { area, notes: '' }] : v.impactAreas.filter((x) => x.area !== area),
    );

  return (
    <FormDrawer
      title={assessment ? `Impact assessment: ${assessment.aiSystemName}` : 'New impact assessment'}
      onClose={onClose}
      onSubmit={submit}
      failure={failure}
    >
      <Select
        label="AI system"
        required
        disabled={!!assessment}
        data={systems.map((s) => ({ value: s.id, label: s.name }))}
        value={systemId}
        onChange={setSystemId}
        allowDeselect={false}
      />
      <Text fw={500} size="sm">
        Who is affected
      </Text>
      {v.affected.map((a, i) => (
        <Group key={i} align="flex-end">
          <Select
            label={`Affected ${i + 1}: kind`}
            w={150}
            data={affectedKinds.map((k) => ({ value: k, label: k }))}
            value={a.kind}
            allowDeselect={false}
            onChange={(k) =>
              set(
                'affected',
                v.affected.map((x, n) =>
                  n === i ? { ...x, kind: (k ?? 'individuals') as AffectedKind } : x,
                ),
              )
            }
          />
          <TextInput
            label={`Affected ${i + 1}: who`}
            style={{ flex: 1 }}
            value={a.who}
            onChange={(e) => {
              const who = e.currentTarget.value;
              set(
                'affected',
                v.affected.map((x, n) => (n === i ? { ...x, who } : x)),
              );
            }}
          />
          <ActionIcon
            variant="subtle"
            color="red"
            aria-label={`Remove affected ${i + 1}`}
            onClick={() =>
              set(
                'affected',
                v.affected.filter((_, n) => n !== i),
              )
            }
          >
            <IconTrash size={16} />
          </ActionIcon>
        </Group>
      ))}
      <Group>
        <Button
          variant="subtle"
          leftSection={<IconPlus size={14} />}
          onClick={() => set('affected', [...v.affected, { kind: 'groups', who: '' }])}
        >
          Add affected party
        </Button>
      </Group>
      <Text fw={500} size="sm">
        Impact areas
      </Text>
      {impactAreas.map((area) => {
        const entry = v.impactAreas.find((x) => x.area === area);
        return (
          <Stack key={area} gap={4}>
            <Checkbox
              label={impactAreaLabels[area]}
              checked={!!entry}
              onChange={(e) => toggleArea(area, e.currentTarget.checked)}
            />
            {entry && (
              <Textarea
                aria-label={`${impactAreaLabels[area]} notes`}
                placeholder="What could happen, to whom"
                autosize
                minRows={1}
                value={entry.notes}
                onChange={(e) => {
                  const notes = e.currentTarget.value;
                  set(
                    'impactAreas',
                    v.impactAreas.map((x) => (x.area === area ? { ...x, notes } : x)),
                  );
                }}
              />
            )}
          </Stack>
        );
      })}
      <SimpleGrid cols={2}>
        <Select
          label="Severity (1–5)"
          data={scale}
          value={String(v.severity)}
          allowDeselect={false}
          onChange={(s) => set('severity', Number(s))}
        />
        <Select
          label="Likelihood (1–5)"
          data={scale}
          value={String(v.likelihood)}
          allowDeselect={false}
          onChange={(s) => set('likelihood', Number(s))}
        />
      </SimpleGrid>
      <Textarea
        label="Measures in place"
        autosize
        minRows={2}
        value={v.measuresInPlace}
        onChange={(e) => set('measuresInPlace', e.currentTarget.value)}
      />
      <Textarea
        label="Measures planned"
        autosize
        minRows={2}
        value={v.measuresPlanned}
        onChange={(e) => set('measuresPlanned', e.currentTarget.value)}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Reviewer"
          value={v.reviewer}
          onChange={(e) => set('reviewer', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Review date"
          value={v.reviewedOn ?? ''}
          onChange={(e) => set('reviewedOn', e.currentTarget.value || null)}
        />
      </SimpleGrid>
      <Textarea
        label="Outcome"
        autosize
        minRows={2}
        value={v.outcome}
        onChange={(e) => set('outcome', e.currentTarget.value)}
      />
      <MultiSelect
        label="Risks it raises"
        searchable
        data={riskOptions}
        value={v.riskIds}
        onChange={(ids) => set('riskIds', ids)}
      />
      <FormFooter
        onDelete={
          assessment
            ? () =>
                modals.openConfirmModal({
                  title: 'Delete this impact assessment?',
                  labels: { confirm: 'Delete', cancel: 'Keep it' },
                  confirmProps: { color: 'red' },
                  onConfirm: () =>
                    void deleteAssessment(assessment.id).then(onClose, (e: unknown) =>
                      setFailure(errorMessage(e)),
                    ),
                })
            : undefined
        }
        onCancel={onClose}
        saving={saving}
        submitLabel={assessment ? 'Save assessment' : 'Add assessment'}
      />
    </FormDrawer>
  );
}
