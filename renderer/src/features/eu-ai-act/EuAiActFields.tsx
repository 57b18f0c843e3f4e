import { useEffect } from 'react';
import { Fieldset, MultiSelect, Select, SimpleGrid, Text } from '@mantine/core';
import {
  annexIiiPoints,
  annexIiiRef,
  euAiActRiskClasses,
  euAiActRiskClassLabels,
  euAiActRoleLabels,
  euAiActRoles,
  type AnnexIiiPoint,
  type EuAiActRiskClass,
  type EuAiActRole,
  type EuAiActScoping,
} from '../../../../shared/domain/eu-ai-act';
import { useCatalog } from '../../stores/catalog';

export const EU_AI_ACT_FRAMEWORK = 'eu-ai-act-2024-1689';
/** The Select value for "high-risk through Annex I product legislation" (no Annex III point). */
const ANNEX_I = 'annex-i';

/** Annex III point titles from the EU AI Act reference catalog (identifiers and titles are facts). */
export function useAnnexIiiTitles(): (point: number) => string {
  const view = useCatalog((s) => s.views[EU_AI_ACT_FRAMEWORK]);
  const load = useCatalog((s) => s.load);
  useEffect(() => {
    if (!view) void load(EU_AI_ACT_FRAMEWORK);
  }, [view, load]);
  return (point) =>
    view?.requirements.find((r) => r.ref === annexIiiRef(point))?.title ??
    `Annex III point ${point}`;
}

interface Props {
  value: EuAiActScoping;
  onChange(value: EuAiActScoping): void;
}

/**
 * The EU AI Act scoping of one AI system: the organisation's roles towards it, its risk class and,
 * for a high-risk system, its Annex III area. The obligations on the EU AI Act tab follow from it.
 */
export function EuAiActFields({ value, onChange }: Props) {
  const titleOf = useAnnexIiiTitles();
  const highRisk = value.riskClass === 'high-risk';
  return (
    <Fieldset legend="EU AI Act">
      <SimpleGrid cols={2}>
        <MultiSelect
          label="Role under the EU AI Act"
          description="Provider if it builds or has the system built and puts it out under its name; deployer if it uses it."
          placeholder={value.roles.length === 0 ? 'Not determined yet' : undefined}
          data={euAiActRoles.map((r) => ({ value: r, label: euAiActRoleLabels[r] }))}
          value={value.roles}
          onChange={(roles) => onChange({ ...value, roles: roles as EuAiActRole[] })}
        />
        <Select
          label="Risk class"
          description="Leave empty while the classification is not settled."
          placeholder="Not classified yet"
          clearable
          data={euAiActRiskClasses.map((c) => ({ value: c, label: euAiActRiskClassLabels[c] }))}
          value={value.riskClass}
          onChange={(riskClass) =>
            onChange({
              ...value,
              riskClass: riskClass as EuAiActRiskClass | null,
              annexIiiPoint: riskClass === 'high-risk' ? value.annexIiiPoint : null,
            })
          }
        />
      </SimpleGrid>
      {highRisk && (
        <Select
          mt="sm"
          label="Why it is high-risk"
          data={[
            ...annexIiiPoints.map((p) => ({
              value: String(p),
              label: `Annex III point ${p}: ${titleOf(p)}`,
            })),
            { value: ANNEX_I, label: 'Safety component or product under Annex I legislation' },
          ]}
          value={value.annexIiiPoint === null ? ANNEX_I : String(value.annexIiiPoint)}
          allowDeselect={false}
          onChange={(v) =>
            onChange({
              ...value,
              annexIiiPoint: v === null || v === ANNEX_I ? null : (Number(v) as AnnexIiiPoint),
            })
          }
        />
      )}
      {value.riskClass === 'prohibited' && (
        <Text size="sm" c="red.8" mt="sm">
          A prohibited practice may not be placed on the EU market, put into service or used there.
        </Text>
      )}
    </Fieldset>
  );
}
