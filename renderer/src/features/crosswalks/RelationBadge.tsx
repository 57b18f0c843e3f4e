import { Badge, Tooltip } from '@mantine/core';
import type { CrosswalkRelation } from '../../../../shared/crosswalk/format';
import { relationColor, relationHelp, relationLabel } from './labels';

/** "Covers part", with what the relation means on hover or focus. */
export function RelationBadge({ relation }: { relation: CrosswalkRelation }) {
  return (
    <Tooltip label={relationHelp[relation]} multiline w={260}>
      <Badge variant="light" color={relationColor[relation]} tt="none">
        {relationLabel[relation]}
      </Badge>
    </Tooltip>
  );
}
