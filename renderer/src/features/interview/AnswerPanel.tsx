import { forwardRef } from 'react';
import {
  Button,
  Group,
  Kbd,
  Paper,
  SegmentedControl,
  Stack,
  Switch,
  TagsInput,
  Text,
  Textarea,
  Tooltip,
} from '@mantine/core';
import { resultLabels, type Result } from '../../../../shared/domain/assessment';
import type { Draft, SaveState } from '../../stores/interview';
import { resultColours, resultKeys } from './result-style';
import { SaveIndicator } from './SaveIndicator';

interface Props {
  draft: Draft;
  readOnly: boolean;
  saveState: SaveState | undefined;
  saveError?: string;
  intervieweeSuggestions: string[];
  sessionSelect: React.ReactNode;
  onChange(patch: Partial<Draft>, immediate?: boolean): void;
  onNotesBlur(): void;
}

const maturityOptions = [
  { value: '', label: '—' },
  ...[0, 1, 2, 3, 4, 5].map((n) => ({ value: String(n), label: String(n) })),
];

/** What the consultant records for one requirement. Saved as typed. */
export const AnswerPanel = forwardRef<HTMLTextAreaElement, Props>(function AnswerPanel(
  {
    draft,
    readOnly,
    saveState,
    saveError,
    intervieweeSuggestions,
    sessionSelect,
    onChange,
    onNotesBlur,
  },
  notesRef,
) {
  const setResult = (result: Result) => onChange({ result }, true);
  return (
    <Paper withBorder p="md" radius="md" aria-label="Answer">
      <Stack gap="sm">
        <Group justify="space-between">
          <Text fw={600}>Result</Text>
          <SaveIndicator state={saveState} error={saveError} />
        </Group>
        <Group gap={6} role="radiogroup" aria-label="Result">
          {resultKeys.map(([key, result]) => (
            <Tooltip key={result} label={`Shortcut: ${key}`} openDelay={500}>
              <Button
                size="xs"
                role="radio"
                aria-checked={draft.result === result}
                variant={draft.result === result ? 'filled' : 'default'}
                color={resultColours[result]}
                disabled={readOnly}
                onClick={() => setResult(result)}
                rightSection={<Kbd size="xs">{key}</Kbd>}
              >
                {resultLabels[result]}
              </Button>
            </Tooltip>
          ))}
        </Group>
        {draft.result === 'not-applicable' && (
          <Textarea
            label="Why it does not apply"
            description="Required: an exclusion without a reason will not survive an audit."
            required
            autosize
            minRows={2}
            value={draft.naJustification}
            readOnly={readOnly}
            error={
              saveState === 'needs-justification'
                ? 'Say why this requirement does not apply.'
                : undefined
            }
            onChange={(e) => onChange({ naJustification: e.currentTarget.value })}
            onBlur={onNotesBlur}
            onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
          />
        )}
        <Group gap="sm" align="flex-end">
          <Stack gap={2}>
            <Text size="sm" fw={500} id="maturity-label">
              Maturity (optional)
            </Text>
            <SegmentedControl
              aria-labelledby="maturity-label"
              size="xs"
              data={maturityOptions}
              value={draft.maturity === null ? '' : String(draft.maturity)}
              disabled={readOnly}
              onChange={(v) => onChange({ maturity: v === '' ? null : Number(v) }, true)}
            />
          </Stack>
          <Switch
            label={
              <>
                Follow up <Kbd size="xs">F</Kbd>
              </>
            }
            checked={draft.followUp}
            disabled={readOnly}
            onChange={(e) => onChange({ followUp: e.currentTarget.checked }, true)}
          />
        </Group>
        <Textarea
          ref={notesRef}
          label={
            <>
              Notes <Kbd size="xs">E</Kbd>
            </>
          }
          aria-label="Notes"
          placeholder="What you heard and saw: who said what, which documents, what is missing."
          autosize
          minRows={8}
          maxRows={24}
          value={draft.notes}
          readOnly={readOnly}
          onChange={(e) => onChange({ notes: e.currentTarget.value })}
          onBlur={onNotesBlur}
          onKeyDown={(e) => e.key === 'Escape' && e.currentTarget.blur()}
        />
        <TagsInput
          label="Interviewed about this"
          placeholder="Name, then Enter"
          data={intervieweeSuggestions}
          value={draft.interviewees}
          disabled={readOnly}
          onChange={(v) => onChange({ interviewees: v }, true)}
          clearable
        />
        {sessionSelect}
      </Stack>
    </Paper>
  );
});
