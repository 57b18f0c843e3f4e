import { memo, useState } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Select,
  Stack,
  Text,
  Textarea,
} from '@mantine/core';
import { IconBulb, IconCheck } from '@tabler/icons-react';
import type { SoaRow } from '../../../../shared/contracts/soa';
import {
  implementationStatusLabels,
  implementationStatuses,
  type ImplementationStatus,
} from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { formatDateTime } from '../../format';
import type { SoaDecision } from '../../stores/soa';
import { fieldErrorsOf, fieldMessage, type FieldErrors } from '../findings/field-errors';
import { ReadOnlyTooltip } from '../findings/ReadOnlyTooltip';
import { ConsistencyList } from '../readiness/ConsistencyList';
import type { ConsistencyFindingView } from '../../../../shared/contracts/readiness';

interface Props {
  row: SoaRow;
  readOnly: boolean;
  /** Consistency checks about this control (SoA against the interview and the risk register). */
  checks: readonly ConsistencyFindingView[];
  onSave(requirementId: string, decision: SoaDecision): Promise<unknown>;
}

interface Draft {
  applicable: boolean | null;
  justification: string;
  implementationStatus: ImplementationStatus;
}

/** An excluded control is not implemented; the main side refuses anything else. */
const excludedStatuses: ImplementationStatus[] = ['not-applicable', 'not-implemented'];

function draftOf(row: SoaRow): Draft {
  if (row.entry) {
    const { applicable, justification, implementationStatus } = row.entry;
    return { applicable, justification, implementationStatus };
  }
  // Undecided until someone chooses: a Statement of Applicability is a decision, not a default.
  return {
    applicable: null,
    justification: '',
    implementationStatus: row.suggestion.implementationStatus,
  };
}

const sameAsEntry = (d: Draft, row: SoaRow) =>
  row.entry !== null &&
  d.applicable === row.entry.applicable &&
  d.justification.trim() === row.entry.justification &&
  d.implementationStatus === row.entry.implementationStatus;

function describe(d: { applicable: boolean; implementationStatus: ImplementationStatus }) {
  return `${d.applicable ? 'Applicable' : 'Excluded'} · ${implementationStatusLabels[d.implementationStatus]}`;
}

export const SoaRowEditor = memo(function SoaRowEditor({ row, readOnly, onSave, checks }: Props) {
  const [draft, setDraft] = useState<Draft>(() => draftOf(row));
  const [errors, setErrors] = useState<FieldErrors>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  // A saved entry (here or via "accept all") replaces the draft.
  // A newly saved entry (here or via "accept all") replaces the draft; keyed on its stamp so a
  // reload of the whole list keeps drafts typed in other rows. Adjusted while rendering, as React advises.
  const savedStamp = row.entry?.updatedAt ?? '';
  const [seenStamp, setSeenStamp] = useState(savedStamp);
  if (seenStamp !== savedStamp) {
    setSeenStamp(savedStamp);
    setDraft(draftOf(row));
  }

  const dirty =
    !sameAsEntry(draft, row) &&
    (row.entry !== null || draft.applicable !== null || draft.justification !== '');
  const statusOptions = implementationStatuses
    .filter((s) => draft.applicable !== false || excludedStatuses.includes(s))
    .map((value) => ({ value, label: implementationStatusLabels[value] }));

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }));
    setErrors({});
    setFailure(null);
  };

  async function save() {
    const found: FieldErrors = {};
    if (draft.applicable === null)
      found.applicable = 'Choose whether the control is applicable or excluded.';
    if (!draft.justification.trim()) {
      found.justification =
        draft.applicable === false
          ? 'Say why this control is excluded. The Statement of Applicability needs a justification for every exclusion.'
          : 'Say why this control is applicable (the risks it treats, a requirement, a contract). A justification is required either way.';
    }
    setErrors(found);
    if (Object.keys(found).length > 0 || draft.applicable === null) return;
    setSaving(true);
    setFailure(null);
    try {
      await onSave(row.requirementId, {
        applicable: draft.applicable,
        justification: draft.justification.trim(),
        implementationStatus: draft.implementationStatus,
      });
    } catch (error) {
      setErrors(fieldErrorsOf(error));
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  const label = `${row.ref} ${row.title}`;
  return (
    <Paper withBorder radius="md" p="sm" component="section" aria-label={label}>
      <Stack gap={8}>
        <Group justify="space-between" align="flex-start">
          <Text fw={600}>
            <Text span ff="monospace" fw={700}>
              {row.ref}
            </Text>{' '}
            {row.title}
          </Text>
          {/* Read out when it changes: "Not saved" while editing, then "Saved … by …". */}
          <div role="status">
            {row.entry && !dirty ? (
              <Badge color="green" variant="light" leftSection={<IconCheck size={12} />}>
                Saved {formatDateTime(row.entry.updatedAt)} by {row.entry.updatedBy}
              </Badge>
            ) : dirty ? (
              <Badge color="yellow" variant="light">
                Not saved
              </Badge>
            ) : (
              <Badge color="gray" variant="light">
                Not decided
              </Badge>
            )}
          </div>
        </Group>
        <ConsistencyList findings={checks} title={`${row.ref} contradicts other records`} />
        {!row.entry && (
          <Alert color="indigo" variant="light" icon={<IconBulb size={16} />} py={6}>
            <Group justify="space-between" wrap="nowrap" gap="sm">
              <Text size="sm">
                Suggested: {describe(row.suggestion)}
                {row.suggestion.justification
                  ? ` — ${row.suggestion.justification}`
                  : ' (no justification on record yet)'}
              </Text>
              <Button
                size="compact-sm"
                variant="light"
                disabled={readOnly}
                aria-label={`Use suggestion for ${row.ref}`}
                onClick={() =>
                  change({
                    applicable: row.suggestion.applicable,
                    implementationStatus: row.suggestion.implementationStatus,
                    justification: row.suggestion.justification || draft.justification,
                  })
                }
              >
                Use suggestion
              </Button>
            </Group>
          </Alert>
        )}
        <Group align="flex-start" gap="md" wrap="wrap">
          <Stack gap={4}>
            <SegmentedControl
              aria-label={`Decision for ${row.ref}`}
              data={[
                { value: 'applicable', label: 'Applicable' },
                { value: 'excluded', label: 'Excluded' },
              ]}
              value={draft.applicable === null ? '' : draft.applicable ? 'applicable' : 'excluded'}
              onChange={(v) =>
                change(
                  v === 'excluded'
                    ? {
                        applicable: false,
                        implementationStatus: excludedStatuses.includes(draft.implementationStatus)
                          ? draft.implementationStatus
                          : 'not-applicable',
                      }
                    : {
                        applicable: true,
                        implementationStatus:
                          draft.implementationStatus === 'not-applicable'
                            ? 'not-implemented'
                            : draft.implementationStatus,
                      },
                )
              }
              disabled={readOnly}
              color={draft.applicable === false ? 'gray' : 'indigo'}
            />
            {errors.applicable && (
              <Text size="xs" c="red.7" role="alert">
                {errors.applicable}
              </Text>
            )}
          </Stack>
          <Select
            aria-label={`Implementation status of ${row.ref}`}
            data={statusOptions}
            value={draft.implementationStatus}
            allowDeselect={false}
            onChange={(v) => v && change({ implementationStatus: v as ImplementationStatus })}
            disabled={readOnly}
            error={fieldMessage(errors, 'implementationStatus', 'The implementation status')}
            w={210}
          />
          <Textarea
            aria-label={`Justification for ${row.ref}`}
            placeholder="Justification: why the control applies, or why it is excluded"
            autosize
            minRows={1}
            maxRows={8}
            value={draft.justification}
            onChange={(e) => change({ justification: e.currentTarget.value })}
            error={fieldMessage(errors, 'justification', 'The justification')}
            disabled={readOnly}
            maxLength={20000}
            style={{ flex: 1, minWidth: 280 }}
          />
          <ReadOnlyTooltip readOnly={readOnly}>
            <Button
              onClick={() => void save()}
              loading={saving}
              disabled={readOnly || !dirty}
              aria-label={`Save ${row.ref}`}
            >
              Save
            </Button>
          </ReadOnlyTooltip>
        </Group>
        {(row.risks.length > 0 || row.evidence.length > 0) && (
          <Group gap={6}>
            {row.risks.map((r) => (
              <Badge key={r.id} variant="outline" color="grape" tt="none">
                {r.ref} {r.title}
              </Badge>
            ))}
            {row.evidence.map((e) => (
              <Badge key={e.id} variant="outline" color="cyan" tt="none">
                Evidence: {e.title}
              </Badge>
            ))}
          </Group>
        )}
        {failure && !errors.justification && !errors.implementationStatus && (
          <Text size="sm" c="red.7" role="alert">
            {failure}
          </Text>
        )}
      </Stack>
    </Paper>
  );
});
