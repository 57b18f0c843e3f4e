import { useEffect, useState } from 'react';
import { Group, Select, TextInput } from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import {
  effectiveEvidenceStatuses,
  evidenceClassifications,
  type EffectiveEvidenceStatus,
  type EvidenceClassification,
} from '../../../../shared/rules/evidence-status';
import { useEvidence } from '../../stores/evidence';
import { classificationLabels, statusLabels } from './labels';
import { useRequirementOptions } from './useRequirementOptions';

export function EvidenceFilters() {
  const { filters, setFilters } = useEvidence();
  const requirements = useRequirementOptions();
  const [text, setText] = useState(filters.text ?? '');
  // Typing filters after a short pause, not on every key.
  useEffect(() => {
    const timer = setTimeout(() => {
      if ((filters.text ?? '') !== text) setFilters({ ...filters, text });
    }, 250);
    return () => clearTimeout(timer);
  }, [text, filters, setFilters]);

  return (
    <Group gap="sm" align="flex-end" wrap="wrap">
      <TextInput
        label="Search evidence"
        placeholder="Title, file name, description, people"
        leftSection={<IconSearch size={14} />}
        value={text}
        onChange={(e) => setText(e.currentTarget.value)}
        w={260}
      />
      <Select
        label="Status"
        placeholder="Any status"
        clearable
        data={effectiveEvidenceStatuses.map((s) => ({ value: s, label: statusLabels[s] }))}
        value={filters.status ?? null}
        onChange={(v) =>
          setFilters({ ...filters, status: (v as EffectiveEvidenceStatus) ?? undefined })
        }
        w={150}
      />
      <Select
        label="Classification"
        placeholder="Any"
        clearable
        data={evidenceClassifications.map((c) => ({ value: c, label: classificationLabels[c] }))}
        value={filters.classification ?? null}
        onChange={(v) =>
          setFilters({ ...filters, classification: (v as EvidenceClassification) ?? undefined })
        }
        w={150}
      />
      <Select
        label="Requirement"
        placeholder="Any requirement"
        clearable
        searchable
        data={requirements}
        value={filters.requirementId ?? null}
        onChange={(v) => setFilters({ ...filters, requirementId: v ?? undefined })}
        w={300}
      />
    </Group>
  );
}
