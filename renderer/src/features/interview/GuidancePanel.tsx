import { Paper, Stack, Text } from '@mantine/core';
import type { CatalogView, Requirement } from '../../../../shared/contracts/catalog';
import { GuidanceBody } from '../catalog/guidance/GuidanceBody';

interface Props {
  view: CatalogView;
  requirement: Requirement;
  onOpenRef(ref: string): void;
}

/** Our guidance for the requirement on screen: what it asks, what to ask, what good looks like. */
export function GuidancePanel({ view, requirement, onOpenRef }: Props) {
  if (!requirement.guidance) return null;
  const refLink = (ref: string) => (
    <Text
      span
      inherit
      c="blue.7"
      style={{ cursor: 'pointer' }}
      onClick={() => onOpenRef(ref)}
      role="link"
      tabIndex={0}
      onKeyDown={(e) => e.key === 'Enter' && onOpenRef(ref)}
    >
      {ref}
    </Text>
  );
  return (
    <Paper withBorder p="md" radius="md" aria-label="Guidance">
      <Stack gap="md">
        <GuidanceBody view={view} requirement={requirement} renderRef={refLink} compact />
      </Stack>
    </Paper>
  );
}
