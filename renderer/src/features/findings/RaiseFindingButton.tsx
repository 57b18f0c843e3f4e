import { useState } from 'react';
import { Button, type ButtonProps } from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Finding } from '../../../../shared/contracts/findings';
import { isReadOnly } from '../../stores/workspace';
import { FindingModal } from './FindingModal';
import { ReadOnlyTooltip } from './ReadOnlyTooltip';

interface Props extends Pick<ButtonProps, 'size' | 'variant'> {
  assessment: Assessment;
  /** The requirement on screen; the new finding starts against it. */
  requirementId: string | null;
  onRaised?(finding: Finding): void;
}

/** "Raise finding" for the interview screen: opens the finding form prefilled with the requirement. */
export function RaiseFindingButton({
  assessment,
  requirementId,
  onRaised,
  size = 'sm',
  variant = 'light',
}: Props) {
  const [opened, setOpened] = useState(false);
  const readOnly = isReadOnly(assessment);
  return (
    <>
      <ReadOnlyTooltip readOnly={readOnly}>
        <Button
          size={size}
          variant={variant}
          color="orange"
          leftSection={<IconFlag size={16} />}
          disabled={readOnly}
          onClick={() => setOpened(true)}
        >
          Raise finding
        </Button>
      </ReadOnlyTooltip>
      <FindingModal
        assessment={assessment}
        opened={opened}
        onClose={() => setOpened(false)}
        requirementId={requirementId}
        onSaved={onRaised}
      />
    </>
  );
}
