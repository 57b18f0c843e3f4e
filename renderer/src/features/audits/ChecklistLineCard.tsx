import { useState } from 'react';
import {
  Badge,
  Button,
  Group,
  List,
  MultiSelect,
  Paper,
  Radio,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import type { ChecklistLine } from '../../../../shared/contracts/audit-checklist';
import {
  checklistVerdictLabels,
  checklistVerdicts,
  type ChecklistVerdict,
  type NonconformityGrade,
} from '../../../../shared/rules/audit-checklist';
import { useFormSave } from '../../components/use-form-save';
import { answerLine, clearLine } from '../../stores/audits';
import { fieldMessage } from '../findings/field-errors';

/** Prompts shown before "more": enough to steer the interview without burying the answer. */
const PROMPTS_SHOWN = 3;

export interface EvidenceChoice {
  value: string;
  label: string;
}

const verdictColours: Record<ChecklistVerdict, string> = {
  conformity: 'green',
  nonconformity: 'red',
  observation: 'yellow',
  'not-audited': 'gray',
};

export function VerdictBadge({ verdict }: { verdict: ChecklistVerdict | null }) {
  if (!verdict)
    return (
      <Badge color="gray" variant="outline" tt="none">
        To audit
      </Badge>
    );
  return (
    <Badge color={verdictColours[verdict]} variant="light" tt="none">
      {checklistVerdictLabels[verdict]}
    </Badge>
  );
}

interface Props {
  auditId: string;
  line: ChecklistLine;
  evidence: EvidenceChoice[];
  readOnly: boolean;
  onSaved(line: ChecklistLine): void;
}

/**
 * One requirement of the audit: the question bank's prompts, then the auditor's verdict, notes
 * and the evidence looked at. Saving a nonconformity raises its finding (said before saving).
 */
export function ChecklistLineCard({ auditId, line, evidence, readOnly, onSaved }: Props) {
  const answer = line.answer;
  const [verdict, setVerdict] = useState<ChecklistVerdict | null>(answer?.verdict ?? null);
  const [grade, setGrade] = useState<NonconformityGrade>(answer?.grade ?? 'minor');
  const [notes, setNotes] = useState(answer?.notes ?? '');
  const [evidenceIds, setEvidenceIds] = useState(answer?.evidence.map((e) => e.id) ?? []);
  const { errors, failure, saving, save: run } = useFormSave();
  const [allPrompts, setAllPrompts] = useState(false);
  const raised = answer?.finding ?? null;
  const headingId = `line-${line.ref}`;

  const save = () =>
    verdict &&
    run(async () =>
      onSaved(
        await answerLine({
          auditId,
          requirementId: line.requirementId,
          verdict,
          grade: verdict === 'nonconformity' ? grade : null,
          notes,
          evidenceIds,
        }),
      ),
    );

  return (
    <Paper withBorder p="md" radius="md" component="section" aria-labelledby={headingId}>
      <Group justify="space-between" align="flex-start" mb="xs">
        <Text fw={600} id={headingId}>
          <Text span ff="monospace" fw={700}>
            {line.ref}
          </Text>{' '}
          {line.title}
        </Text>
        <VerdictBadge verdict={answer?.verdict ?? null} />
      </Group>
      {line.questions.length > 0 && (
        <>
          <List size="sm" spacing={2} c="dimmed" id={`${headingId}-prompts`}>
            {line.questions.slice(0, allPrompts ? undefined : PROMPTS_SHOWN).map((q, i) => (
              <List.Item key={i}>{q.text}</List.Item>
            ))}
          </List>
          {line.questions.length > PROMPTS_SHOWN && (
            <Button
              variant="subtle"
              size="compact-xs"
              aria-expanded={allPrompts}
              aria-controls={`${headingId}-prompts`}
              onClick={() => setAllPrompts((v) => !v)}
            >
              {allPrompts
                ? 'Fewer prompts'
                : `${line.questions.length - PROMPTS_SHOWN} more prompts from the question bank`}
            </Button>
          )}
        </>
      )}
      <Stack gap="xs" mt="sm">
        <Radio.Group
          label="Verdict"
          value={verdict}
          onChange={(v) => setVerdict(v as ChecklistVerdict)}
          error={fieldMessage(errors, 'verdict', 'The verdict')}
        >
          <Group gap="md" mt={4}>
            {checklistVerdicts.map((v) => (
              <Radio
                key={v}
                value={v}
                label={checklistVerdictLabels[v]}
                disabled={readOnly || (raised !== null && v !== 'nonconformity')}
              />
            ))}
          </Group>
        </Radio.Group>
        {verdict === 'nonconformity' && (
          <Group gap="sm" align="center">
            <Text size="sm" id={`${headingId}-grade`}>
              Grade
            </Text>
            <SegmentedControl
              aria-labelledby={`${headingId}-grade`}
              size="xs"
              value={grade}
              onChange={(g) => setGrade(g as NonconformityGrade)}
              disabled={readOnly || raised !== null}
              data={[
                { value: 'minor', label: 'Minor' },
                { value: 'major', label: 'Major' },
              ]}
            />
            {!raised && (
              <Text size="xs" c="dimmed">
                Saving raises it in the findings log of the current assessment.
              </Text>
            )}
          </Group>
        )}
        <Textarea
          label={verdict === 'nonconformity' ? 'What was found (the finding’s statement)' : 'Notes'}
          autosize
          minRows={2}
          value={notes}
          readOnly={readOnly}
          onChange={(e) => setNotes(e.currentTarget.value)}
          error={fieldMessage(errors, 'notes', 'The notes')}
        />
        <MultiSelect
          label="Evidence looked at"
          placeholder={evidence.length === 0 ? 'No evidence in this engagement yet' : undefined}
          searchable
          data={evidence}
          value={evidenceIds}
          onChange={setEvidenceIds}
          disabled={readOnly || evidence.length === 0}
          error={fieldMessage(errors, 'evidenceIds', 'The evidence')}
        />
        {raised && (
          <Text size="sm">
            Raised as{' '}
            <Text span fw={700} ff="monospace">
              {raised.ref}
            </Text>{' '}
            in “{raised.assessmentTitle}”: grade and statement are kept in the findings log now.
          </Text>
        )}
        {failure && (
          <Text c="red.7" size="sm" role="alert">
            {failure}
          </Text>
        )}
        {!readOnly && (
          <Group justify="flex-end" gap="xs">
            {answer && !raised && (
              <Button
                variant="subtle"
                color="gray"
                disabled={saving}
                onClick={() =>
                  void run(async () => onSaved(await clearLine(auditId, line.requirementId)))
                }
                aria-label={`Clear the answer of ${line.ref}`}
              >
                Clear
              </Button>
            )}
            <Button
              onClick={() => void save()}
              loading={saving}
              disabled={!verdict}
              aria-label={`Save ${line.ref}`}
            >
              Save
            </Button>
          </Group>
        )}
      </Stack>
    </Paper>
  );
}
