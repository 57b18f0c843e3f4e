import { useState, type FormEvent } from 'react';
import { MultiSelect, Select, SimpleGrid, TagsInput, Textarea, TextInput } from '@mantine/core';
import { modals } from '@mantine/modals';
import type { AiSystem, AiSystemInput } from '../../../../shared/contracts/ai-systems';
import { aiRoleLabels, aiRoles, type AiRole } from '../../../../shared/domain/ai-roles';
import {
  dataCategories,
  dataCategoryLabels,
  lifecycleStageLabels,
  lifecycleStages,
  type DataCategory,
  type LifecycleStage,
} from '../../../../shared/domain/risks';
import { errorMessage } from '../../api/error-message';
import { FormDrawer } from '../../components/FormDrawer';
import { FormFooter } from '../../components/FormFooter';
import { useRisks } from '../../stores/risks';
import { EuAiActFields } from '../eu-ai-act/EuAiActFields';

const options = <T extends string>(values: readonly T[], labels: Record<T, string>) =>
  values.map((value) => ({ value, label: labels[value] }));

function initial(s: AiSystem | null): Required<AiSystemInput> {
  return {
    name: s?.name ?? '',
    purpose: s?.purpose ?? '',
    intendedUse: s?.intendedUse ?? '',
    orgRole: s?.orgRole ?? 'provider',
    lifecycleStage: s?.lifecycleStage ?? 'operation',
    modelType: s?.modelType ?? '',
    dataCategories: s?.dataCategories ?? [],
    deploymentContext: s?.deploymentContext ?? '',
    affectedParties: s?.affectedParties ?? [],
    owner: s?.owner ?? '',
    thirdParties: s?.thirdParties ?? [],
    euAiActRoles: s?.euAiActRoles ?? [],
    euAiActRiskClass: s?.euAiActRiskClass ?? null,
    euAiActAnnexIiiPoint: s?.euAiActAnnexIiiPoint ?? null,
  };
}

export function AiSystemDrawer({ system, onClose }: { system: AiSystem | null; onClose(): void }) {
  const { saveSystem, deleteSystem } = useRisks();
  const [v, setV] = useState(() => initial(system));
  const [nameError, setNameError] = useState<string | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const set = <K extends keyof AiSystemInput>(key: K, value: Required<AiSystemInput>[K]) =>
    setV((old) => ({ ...old, [key]: value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!v.name.trim()) return setNameError('Name the AI system.');
    setSaving(true);
    setFailure(null);
    try {
      await saveSystem(system?.id ?? null, v);
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  function confirmDelete() {
    if (!system) return;
    modals.openConfirmModal({
      title: `Delete ${system.name}?`,
      children: `Its ${system.impactAssessmentCount} impact assessment(s) are deleted too, and ${system.riskCount} risk(s) lose the link to it. The audit trail keeps a record.`,
      labels: { confirm: 'Delete AI system', cancel: 'Keep it' },
      confirmProps: { color: 'red' },
      onConfirm: () => {
        void deleteSystem(system.id).then(onClose, (e: unknown) => setFailure(errorMessage(e)));
      },
    });
  }

  return (
    <FormDrawer
      title={system ? `AI system: ${system.name}` : 'Add an AI system'}
      onClose={onClose}
      onSubmit={submit}
      failure={failure}
    >
      <TextInput
        label="Name"
        required
        value={v.name}
        error={nameError}
        onChange={(e) => {
          set('name', e.currentTarget.value);
          setNameError(null);
        }}
      />
      <Textarea
        label="Purpose"
        autosize
        minRows={2}
        value={v.purpose}
        onChange={(e) => set('purpose', e.currentTarget.value)}
      />
      <Textarea
        label="Intended use"
        autosize
        minRows={2}
        value={v.intendedUse}
        onChange={(e) => set('intendedUse', e.currentTarget.value)}
      />
      <SimpleGrid cols={2}>
        <Select
          label="Organisation's role"
          data={options(aiRoles, aiRoleLabels)}
          value={v.orgRole}
          allowDeselect={false}
          onChange={(value) => value && set('orgRole', value as AiRole)}
        />
        <Select
          label="Life-cycle stage"
          data={options(lifecycleStages, lifecycleStageLabels)}
          value={v.lifecycleStage}
          allowDeselect={false}
          onChange={(value) => value && set('lifecycleStage', value as LifecycleStage)}
        />
      </SimpleGrid>
      <TextInput
        label="Model type"
        placeholder="e.g. gradient-boosted trees, third-party LLM"
        value={v.modelType}
        onChange={(e) => set('modelType', e.currentTarget.value)}
      />
      <MultiSelect
        label="Data categories"
        data={options(dataCategories, dataCategoryLabels)}
        value={v.dataCategories}
        onChange={(value) => set('dataCategories', value as DataCategory[])}
      />
      <Textarea
        label="Deployment context"
        autosize
        minRows={2}
        value={v.deploymentContext}
        onChange={(e) => set('deploymentContext', e.currentTarget.value)}
      />
      <TagsInput
        label="Affected parties"
        description="Press Enter after each"
        value={v.affectedParties}
        onChange={(value) => set('affectedParties', value)}
      />
      <SimpleGrid cols={2}>
        <TextInput
          label="Owner"
          value={v.owner}
          onChange={(e) => set('owner', e.currentTarget.value)}
        />
        <TagsInput
          label="Third parties involved"
          value={v.thirdParties}
          onChange={(value) => set('thirdParties', value)}
        />
      </SimpleGrid>
      <EuAiActFields
        value={{
          roles: v.euAiActRoles,
          riskClass: v.euAiActRiskClass,
          annexIiiPoint: v.euAiActAnnexIiiPoint,
        }}
        onChange={(scoping) =>
          setV((old) => ({
            ...old,
            euAiActRoles: scoping.roles,
            euAiActRiskClass: scoping.riskClass,
            euAiActAnnexIiiPoint: scoping.annexIiiPoint,
          }))
        }
      />
      <FormFooter
        onDelete={system ? confirmDelete : undefined}
        onCancel={onClose}
        saving={saving}
        submitLabel={system ? 'Save AI system' : 'Add AI system'}
      />
    </FormDrawer>
  );
}
