import {
  Badge,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
} from '@mantine/core';
import type { RiskCriteria, RiskInput } from '../../../../shared/contracts/risks';
import {
  riskStatuses,
  riskStatusLabels,
  treatmentLabels,
  treatmentOptions,
  type RiskStatus,
  type TreatmentOption,
} from '../../../../shared/domain/risks';
import { rate } from '../../../../shared/rules/risk-levels';
import { useCatalog } from '../../stores/catalog';
import { useRisks } from '../../stores/risks';
import { bandColor } from './levels';

export type RiskValues = Required<RiskInput>;
export type RiskErrors = Partial<Record<keyof RiskValues, string>>;

interface Props {
  values: RiskValues;
  errors: RiskErrors;
  criteria: RiskCriteria;
  onChange<K extends keyof RiskValues>(key: K, value: RiskValues[K]): void;
}

const levelOptions = (labels: string[]) =>
  labels.map((label, i) => ({ value: String(i + 1), label: `${i + 1} · ${label}` }));

function LevelPreview({
  criteria,
  l,
  i,
}: {
  criteria: RiskCriteria;
  l: number | null;
  i: number | null;
}) {
  if (l === null || i === null || l > criteria.likelihoodLevels || i > criteria.impactLevels) {
    return (
      <Text size="sm" c="dimmed">
        not rated
      </Text>
    );
  }
  const level = rate(criteria, l, i);
  return (
    <Group gap={6}>
      <Text size="sm">{level.score}</Text>
      <Badge color={bandColor(criteria.bands, level.band)}>{level.band}</Badge>
      <Text size="xs" c="dimmed">
        {level.acceptable ? 'within the acceptance threshold' : 'above the acceptance threshold'}
      </Text>
    </Group>
  );
}

/** The fields of a risk; Annex C and Annex A pick lists come from the catalog with their help. */
export function RiskForm({ values: v, errors, criteria, onChange }: Props) {
  const catalog = useCatalog((s) => s.views['iso-iec-42001-2023']);
  const systems = useRisks((s) => s.systems);
  const sources = catalog?.annexC.riskSources ?? [];
  const objectives = catalog?.annexC.objectives ?? [];
  const controls = (catalog?.requirements ?? []).filter((r) => r.kind === 'control');
  const source = sources.find((s) => s.id === v.riskSource);
  const chosenObjectives = objectives.filter((o) => v.objectives.includes(o.id));
  const num = (s: string | null) => (s ? Number(s) : null);

  return (
    <Stack gap="sm">
      <TextInput
        label="Title"
        required
        value={v.title}
        error={errors.title}
        onChange={(e) => onChange('title', e.currentTarget.value)}
      />
      <Textarea
        label="Description"
        autosize
        minRows={2}
        value={v.description}
        onChange={(e) => onChange('description', e.currentTarget.value)}
      />
      <MultiSelect
        label="AI systems concerned"
        data={systems.map((s) => ({ value: s.id, label: s.name }))}
        value={v.aiSystemIds}
        searchable
        nothingFoundMessage="Add AI systems on the AI systems tab"
        onChange={(value) => onChange('aiSystemIds', value)}
      />
      <Select
        label="Risk source (Annex C)"
        clearable
        data={sources.map((s) => ({ value: s.id, label: `${s.id} ${s.title}` }))}
        value={v.riskSource}
        description={source?.explanation}
        error={errors.riskSource}
        onChange={(value) => onChange('riskSource', value)}
      />
      <MultiSelect
        label="Objectives affected (Annex C)"
        data={objectives.map((o) => ({ value: o.id, label: `${o.id} ${o.title}` }))}
        value={v.objectives}
        error={errors.objectives}
        description={
          chosenObjectives.map((o) => `${o.title}: ${o.explanation}`).join(' · ') || undefined
        }
        onChange={(value) => onChange('objectives', value)}
      />
      <SimpleGrid cols={3}>
        <Select
          label="Likelihood"
          required
          allowDeselect={false}
          data={levelOptions(criteria.likelihoodLabels)}
          value={String(v.likelihood)}
          error={errors.likelihood}
          onChange={(s) => onChange('likelihood', num(s) ?? 1)}
        />
        <Select
          label="Impact"
          required
          allowDeselect={false}
          data={levelOptions(criteria.impactLabels)}
          value={String(v.impact)}
          error={errors.impact}
          onChange={(s) => onChange('impact', num(s) ?? 1)}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Inherent level
          </Text>
          <LevelPreview criteria={criteria} l={v.likelihood} i={v.impact} />
        </Stack>
      </SimpleGrid>
      <Select
        label="Treatment option"
        clearable
        data={treatmentOptions.map((t) => ({ value: t, label: treatmentLabels[t] }))}
        value={v.treatmentOption}
        onChange={(value) => onChange('treatmentOption', value as TreatmentOption | null)}
      />
      <Textarea
        label="Treatment plan"
        autosize
        minRows={2}
        value={v.treatmentPlan}
        onChange={(e) => onChange('treatmentPlan', e.currentTarget.value)}
      />
      <MultiSelect
        label="Annex A controls the treatment relies on"
        description="These links justify the controls in the Statement of Applicability."
        data={controls.map((c) => ({ value: c.id, label: `${c.ref} ${c.title}` }))}
        value={v.controlIds}
        searchable
        error={errors.controlIds}
        onChange={(value) => onChange('controlIds', value)}
      />
      <SimpleGrid cols={3}>
        <Select
          label="Residual likelihood"
          clearable
          data={levelOptions(criteria.likelihoodLabels)}
          value={v.residualLikelihood ? String(v.residualLikelihood) : null}
          error={errors.residualLikelihood}
          onChange={(s) => onChange('residualLikelihood', num(s))}
        />
        <Select
          label="Residual impact"
          clearable
          data={levelOptions(criteria.impactLabels)}
          value={v.residualImpact ? String(v.residualImpact) : null}
          error={errors.residualImpact}
          onChange={(s) => onChange('residualImpact', num(s))}
        />
        <Stack gap={2}>
          <Text size="sm" fw={500}>
            Residual level
          </Text>
          <LevelPreview criteria={criteria} l={v.residualLikelihood} i={v.residualImpact} />
        </Stack>
      </SimpleGrid>
      <SimpleGrid cols={3}>
        <TextInput
          label="Owner"
          value={v.owner}
          onChange={(e) => onChange('owner', e.currentTarget.value)}
        />
        <TextInput
          type="date"
          label="Due date"
          value={v.dueDate ?? ''}
          error={errors.dueDate}
          onChange={(e) => onChange('dueDate', e.currentTarget.value || null)}
        />
        <Select
          label="Status"
          allowDeselect={false}
          data={riskStatuses.map((s) => ({ value: s, label: riskStatusLabels[s] }))}
          value={v.status}
          onChange={(s) => s && onChange('status', s as RiskStatus)}
        />
      </SimpleGrid>
    </Stack>
  );
}
