import type { ReactNode } from 'react';
import { Stack, Text } from '@mantine/core';
import type { Overlap } from '../../../../../shared/catalog/guidance';

interface Props {
  overlaps: Overlap[];
  requirementRef: string;
  /** The evidence this requirement itself requests: only those artefacts can be double-counted. */
  requested: string[];
  evidenceLabels: Record<string, string>;
  /** A link to another requirement: in the interview it moves there, in the catalog it opens it. */
  renderRef(ref: string): ReactNode;
  compact?: boolean;
}

/**
 * Where a clause and Annex A controls cover the same ground: what this requirement judges, what
 * the others judge, and which of them a missing shared artefact counts against.
 */
export function OverlapNotes({
  overlaps,
  requirementRef,
  requested,
  evidenceLabels,
  renderRef,
  compact,
}: Props) {
  const size = compact ? 'xs' : 'sm';
  return (
    <Stack gap="sm">
      {overlaps.map((overlap) => {
        const own = overlap.sides.find((s) => s.ref === requirementRef);
        const others = overlap.sides.filter((s) => s.ref !== requirementRef);
        const scoredHere = overlap.artefacts.filter((a) => a.owner === requirementRef);
        const scoredElsewhere = overlap.artefacts.filter(
          (a) => a.owner !== requirementRef && requested.includes(a.evidence),
        );
        const label = (key: string) => evidenceLabels[key] ?? key;
        return (
          <Stack key={overlap.id} gap={4} aria-label={`Overlap ${overlap.id}`}>
            {own && (
              <Text size={size}>
                <Text span fw={600} size={size}>
                  Judged here:
                </Text>{' '}
                {own.ground}
              </Text>
            )}
            {others.map((side) => (
              <Text key={side.ref} size={size}>
                <Text span fw={600} size={size}>
                  Judged under {renderRef(side.ref)}:
                </Text>{' '}
                {side.ground}
              </Text>
            ))}
            {scoredHere.length > 0 && (
              <Text size={size} c="dimmed">
                A missing {scoredHere.map((a) => label(a.evidence)).join(', ')} counts here only.
              </Text>
            )}
            {scoredElsewhere.map((a) => (
              <Text key={a.evidence} size={size} c="dimmed">
                A missing {label(a.evidence)} counts under {renderRef(a.owner)}, not here.
              </Text>
            ))}
          </Stack>
        );
      })}
    </Stack>
  );
}
