import { Badge, Tooltip, VisuallyHidden } from '@mantine/core';
import { auditStageLabels, type AuditStage } from '../../../../../shared/catalog/guidance';

export const stageColours: Record<AuditStage, string> = { 1: 'indigo', 2: 'cyan' };

const stageHelp: Record<AuditStage, string> = {
  1: 'A documentation review (certification stage 1) can judge this from the design and the documents.',
  2: 'Only records of the process running can show this (certification stage 2, on site).',
};

/**
 * "Stage 1" or "Stage 2" on a question; the tooltip says what that means, and a screen reader
 * hears the stage's name in hidden text (an aria-label on a plain element is not read out).
 */
export function StageBadge({ stage }: { stage: AuditStage }) {
  return (
    <Tooltip label={stageHelp[stage]} multiline w={300} withArrow>
      <Badge size="xs" variant="light" color={stageColours[stage]} tt="none">
        Stage {stage}
        <VisuallyHidden>: {auditStageLabels[stage].toLowerCase()}</VisuallyHidden>
      </Badge>
    </Tooltip>
  );
}
