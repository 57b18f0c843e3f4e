import type { ReactNode } from 'react';
import { Tooltip } from '@mantine/core';

export const READ_ONLY_REASON =
  'This assessment is final and read-only. Reopen it on the Assessment tab to change it.';

/**
 * Explains why a control is disabled. A disabled button fires no pointer events, so the tooltip
 * hangs on a wrapper; the workspace banner says the same for keyboard and screen-reader users.
 */
export function ReadOnlyTooltip({
  readOnly,
  children,
}: {
  readOnly: boolean;
  children: ReactNode;
}) {
  if (!readOnly) return <>{children}</>;
  return (
    <Tooltip label={READ_ONLY_REASON} multiline w={280} withArrow>
      <span style={{ display: 'inline-block' }}>{children}</span>
    </Tooltip>
  );
}
