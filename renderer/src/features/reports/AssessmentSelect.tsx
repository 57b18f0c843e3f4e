import { Select } from '@mantine/core';
import type { Assessment } from '../../../../shared/contracts/assessments';

interface Props {
  assessments: readonly Pick<Assessment, 'id' | 'clientName' | 'title'>[];
  value: string | null;
  onChange(id: string | null): void;
}

/** The assessment a report or a pack is made from, named by its client and title. */
export function AssessmentSelect({ assessments, value, onChange }: Props) {
  return (
    <Select
      label="Assessment"
      placeholder="Choose an assessment"
      searchable
      data={assessments.map((a) => ({ value: a.id, label: `${a.clientName} — ${a.title}` }))}
      value={value}
      onChange={onChange}
      required
    />
  );
}
