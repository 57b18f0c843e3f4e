import { memo, useMemo } from 'react';
import { Button, Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import type { Risk, RiskCriteria } from '../../../../shared/contracts/risks';
import { riskStatuses, riskStatusLabels } from '../../../../shared/domain/risks';
import { useShallow } from 'zustand/react/shallow';
import { useRegisterView, type GroupBy, type RegisterFilters } from '../../stores/risk-register';
import { useCatalog } from '../../stores/catalog';
import { NO_SYSTEM } from './filter';
import { capitalise } from './levels';

const groupOptions: { value: GroupBy; label: string }[] = [
  { value: 'none', label: 'No grouping' },
  { value: 'system', label: 'AI system' },
  { value: 'source', label: 'Risk source' },
  { value: 'level', label: 'Current level' },
  { value: 'owner', label: 'Owner' },
  { value: 'status', label: 'Status' },
];

/** The search box alone follows each keystroke; the rest of the toolbar is not redrawn for it. */
function SearchRisks() {
  const text = useRegisterView((s) => s.filters.text);
  const setFilter = useRegisterView((s) => s.setFilter);
  return (
    <TextInput
      label="Search risks"
      placeholder="Ref, title, description, owner, control"
      leftSection={<IconSearch size={14} />}
      w={260}
      value={text}
      onChange={(e) => setFilter('text', e.currentTarget.value)}
    />
  );
}

/**
 * Mantine keeps a closed Select's options mounted (hidden) by default, and places each hidden
 * list with floating-ui when it mounts: with seven pickers on the register that was a forced
 * layout of the whole page per picker while the register first drew (profile: ~0.3 s under
 * load). The options are drawn when a picker opens instead; the input names its list only
 * while open either way.
 */
export const optionsWhenOpen = { keepMounted: false } as const;

const someFilter = (f: RegisterFilters) =>
  Boolean(f.text || f.band || f.status || f.owner || f.system || f.source || f.cell);

export const RegisterToolbar = memo(function RegisterToolbar({
  risks,
  criteria,
}: {
  risks: Risk[];
  criteria: RiskCriteria;
}) {
  const band = useRegisterView((s) => s.filters.band);
  const status = useRegisterView((s) => s.filters.status);
  const owner = useRegisterView((s) => s.filters.owner);
  const system = useRegisterView((s) => s.filters.system);
  const source = useRegisterView((s) => s.filters.source);
  const active = useRegisterView((s) => someFilter(s.filters));
  const { groupBy, setFilter, setGroupBy, clear } = useRegisterView(
    useShallow((s) => ({
      groupBy: s.groupBy,
      setFilter: s.setFilter,
      setGroupBy: s.setGroupBy,
      clear: s.clear,
    })),
  );
  const catalog = useCatalog((s) => s.views['iso-iec-42001-2023']);
  const sources = catalog?.annexC.riskSources ?? [];
  const owners = useMemo(
    () => [...new Set(risks.map((r) => r.owner).filter(Boolean))].sort(),
    [risks],
  );
  const systems = useMemo(
    () => [...new Set(risks.flatMap((r) => r.aiSystemNames))].sort(),
    [risks],
  );
  return (
    <Group gap="xs" align="flex-end" mb="sm">
      <SearchRisks />
      <Select
        comboboxProps={optionsWhenOpen}
        label="Current level"
        w={130}
        clearable
        data={criteria.bands.map((b) => ({ value: b.name, label: capitalise(b.name) }))}
        value={band}
        onChange={(v) => setFilter('band', v)}
      />
      <Select
        comboboxProps={optionsWhenOpen}
        label="Status"
        w={140}
        clearable
        data={riskStatuses.map((s) => ({ value: s, label: riskStatusLabels[s] }))}
        value={status}
        onChange={(v) => setFilter('status', v)}
      />
      <Select
        comboboxProps={optionsWhenOpen}
        label="Owner"
        w={180}
        clearable
        searchable
        data={owners}
        value={owner}
        onChange={(v) => setFilter('owner', v)}
      />
      <Select
        comboboxProps={optionsWhenOpen}
        label="AI system"
        w={190}
        clearable
        searchable
        data={[...systems, NO_SYSTEM]}
        value={system}
        onChange={(v) => setFilter('system', v)}
      />
      <Select
        comboboxProps={optionsWhenOpen}
        label="Risk source"
        w={170}
        clearable
        data={sources.map((s) => ({ value: s.id, label: `${s.id} ${s.title}` }))}
        value={source}
        onChange={(v) => setFilter('source', v)}
      />
      <Select
        comboboxProps={optionsWhenOpen}
        label="Group by"
        w={150}
        data={groupOptions}
        value={groupBy}
        allowDeselect={false}
        onChange={(v) => v && setGroupBy(v as GroupBy)}
      />
      {active && (
        <Button variant="subtle" onClick={clear}>
          Clear filters
        </Button>
      )}
    </Group>
  );
});
