import { Checkbox, Group, Stack, Text } from '@mantine/core';
import { primaryFramework, useCatalog } from '../../stores/catalog';
import { annexAreas, clauseAreas } from './scope-areas';

interface Props {
  excluded: string[];
  onChange(excluded: string[]): void;
}

/** Everything is in scope by default; unticking an area leaves it out of the assessment. */
export function ScopePicker({ excluded, onChange }: Props) {
  // The areas are ISO/IEC 42001's; never take them from a reference catalog browsed earlier.
  const view = useCatalog((s) => {
    const primary = primaryFramework(s.frameworks);
    return primary ? s.views[primary.id] : undefined;
  });
  const title = (ref: string) => view?.requirements.find((r) => r.ref === ref)?.title ?? '';
  const toggle = (area: string, included: boolean) =>
    onChange(included ? excluded.filter((a) => a !== area) : [...excluded, area]);
  const group = (label: string, areas: string[]) => (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {label}
      </Text>
      {areas.map((area) => (
        <Checkbox
          key={area}
          label={`${area} ${title(area)}`}
          checked={!excluded.includes(area)}
          onChange={(e) => toggle(area, e.currentTarget.checked)}
        />
      ))}
    </Stack>
  );
  return (
    <Group align="flex-start" grow>
      {group('Clauses 4–10', clauseAreas)}
      {group('Annex A', annexAreas)}
    </Group>
  );
}
