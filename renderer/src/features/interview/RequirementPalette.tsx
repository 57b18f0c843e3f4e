import { Spotlight, type SpotlightActionData } from '@mantine/spotlight';
import { IconSearch } from '@tabler/icons-react';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { resultLabels } from '../../../../shared/domain/assessment';
import type { Draft } from '../../stores/interview';

interface Props {
  requirements: Requirement[];
  drafts: Record<string, Draft>;
  onSelect(requirement: Requirement): void;
}

/** Ctrl+K (or /): jump to any requirement in scope by identifier, title or words of its intent. */
export function RequirementPalette({ requirements, drafts, onSelect }: Props) {
  const actions: SpotlightActionData[] = requirements.map((r) => ({
    id: r.id,
    label: `${r.ref}  ${r.title}`,
    description: resultLabels[drafts[r.id]?.result ?? 'not-assessed'],
    keywords: [r.ref, r.guidance?.intent ?? ''],
    onClick: () => onSelect(r),
  }));
  return (
    <Spotlight
      actions={actions}
      shortcut={['mod + K', '/']}
      limit={12}
      highlightQuery
      nothingFound="No requirement matches. Try an identifier such as 8.4 or A.9.2, or other words."
      searchProps={{
        leftSection: <IconSearch size={18} />,
        placeholder: 'Go to requirement…',
        'aria-label': 'Go to requirement',
      }}
    />
  );
}
