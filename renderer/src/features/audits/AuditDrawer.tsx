import { useMemo, useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Drawer,
  Group,
  MultiSelect,
  Select,
  SimpleGrid,
  TagsInput,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { InternalAudit } from '../../../../shared/contracts/audits';
import {
  auditStatusLabels,
  auditStatuses,
  independenceIssues,
  type AuditStatus,
  type Auditor,
} from '../../../../shared/rules/audit-programme';
import { MeetingDates, datesToSave, type SeveralDays } from '../../components/MeetingDates';
import { FormActions } from '../../components/FormActions';
import { FormStack } from '../../components/FormStack';
import { useFormSave } from '../../components/use-form-save';
import { saveAudit } from '../../stores/audits';
import { fieldMessage } from '../findings/field-errors';

export interface RequirementChoice {
  value: string;
  label: string;
  ref: string;
}

interface Props {
  programmeId: string;
  audit: InternalAudit | null;
  requirements: RequirementChoice[];
  onClose(): void;
  onSaved(audit: InternalAudit): void;
}

/**
 * Plans or records one internal audit. The independence check runs as the auditors and the
 * requirements are chosen; the main side computes it again on every read.
 */
export function AuditDrawer({ programmeId, audit, requirements, onClose, onSaved }: Props) {
  const [title, setTitle] = useState(audit?.title ?? '');
  const [scope, setScope] = useState(audit?.scope ?? '');
  const [criteria, setCriteria] = useState(
    audit?.criteria ?? 'ISO/IEC 42001:2023 and the organisation’s AI policy and procedures',
  );
  const [dates, setDates] = useState<SeveralDays>({
    plannedOn: audit?.plannedOn ?? '',
    heldFrom: audit?.heldFrom ?? '',
    heldTo: audit?.heldTo ?? '',
  });
  const [status, setStatus] = useState<AuditStatus>(audit?.status ?? 'planned');
  const [auditors, setAuditors] = useState<Auditor[]>(audit?.auditors ?? []);
  const [auditees, setAuditees] = useState<string[]>(audit?.auditees ?? []);
  const [requirementIds, setRequirementIds] = useState<string[]>(audit?.requirementIds ?? []);
  const [conclusion, setConclusion] = useState(audit?.conclusion ?? '');
  const { errors, failure, saving, save, bindText } = useFormSave();

  const refOf = useMemo(() => new Map(requirements.map((r) => [r.value, r.ref])), [requirements]);
  const issues = independenceIssues(
    auditors,
    requirementIds.map((id) => refOf.get(id) ?? id),
  );
  const setAuditor = (i: number, change: Partial<Auditor>) =>
    setAuditors((list) => list.map((a, j) => (j === i ? { ...a, ...change } : a)));

  const submit = () =>
    save(async () => {
      const saved = await saveAudit({
        id: audit?.id,
        programmeId,
        title,
        scope,
        criteria,
        ...datesToSave(dates),
        status,
        auditors: auditors.filter((a) => a.name.trim()),
        auditees,
        requirementIds,
        conclusion,
      });
      onSaved(saved);
    });

  return (
    <Drawer
      opened
      onClose={onClose}
      position="right"
      size="xl"
      title={audit ? audit.title : 'New internal audit'}
    >
      <FormStack gap="sm" label="Internal audit" onSubmit={submit}>
        <TextInput label="Title" required {...bindText(title, setTitle, 'title', 'The title')} />
        <Textarea
          label="Scope"
          description="Processes, sites, AI systems and teams the audit looks at."
          autosize
          minRows={2}
          {...bindText(scope, setScope, 'scope', 'The scope')}
        />
        <Textarea
          label="Criteria"
          description="What the audit checks against."
          autosize
          minRows={1}
          {...bindText(criteria, setCriteria, 'criteria', 'The criteria')}
        />
        <MultiSelect
          label="Requirements covered"
          description="Its checklist comes from the question bank for these."
          searchable
          data={requirements.map(({ value, label }) => ({ value, label }))}
          value={requirementIds}
          onChange={setRequirementIds}
          error={fieldMessage(errors, 'requirementIds', 'The requirements')}
          maxDropdownHeight={260}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Select
            label="Status"
            allowDeselect={false}
            data={auditStatuses.map((s) => ({ value: s, label: auditStatusLabels[s] }))}
            value={status}
            onChange={(v) => v && setStatus(v as AuditStatus)}
          />
          <MeetingDates dates={dates} onChange={setDates} errors={errors} />
        </SimpleGrid>
        <Title order={5}>Auditors</Title>
        <Text size="sm" c="dimmed">
          For each auditor, the areas they are responsible for (a clause or control, or a whole area
          such as 8 or A.6): an auditor who would audit their own area is flagged.
        </Text>
        {auditors.map((a, i) => (
          <Group key={i} align="flex-end" wrap="nowrap">
            <TextInput
              label={`Auditor ${i + 1}`}
              value={a.name}
              onChange={(e) => setAuditor(i, { name: e.currentTarget.value })}
              style={{ flex: 1 }}
            />
            <TagsInput
              label="Owns"
              placeholder="e.g. A.6"
              value={a.owns}
              onChange={(owns) => setAuditor(i, { owns })}
              style={{ flex: 1 }}
            />
            <ActionIcon
              variant="subtle"
              color="red"
              mb={6}
              aria-label={`Remove auditor ${i + 1}`}
              onClick={() => setAuditors((list) => list.filter((_, j) => j !== i))}
            >
              <IconTrash size={16} />
            </ActionIcon>
          </Group>
        ))}
        <Group>
          <Button
            variant="subtle"
            size="xs"
            leftSection={<IconPlus size={14} />}
            onClick={() => setAuditors((list) => [...list, { name: '', owns: [] }])}
          >
            Add auditor
          </Button>
        </Group>
        {issues.length > 0 && (
          <Alert color="orange" title="Not independent">
            {issues.map((x) => `${x.auditor} owns ${x.refs.join(', ')}`).join('; ')}.
          </Alert>
        )}
        <TagsInput
          label="Auditees"
          description="People interviewed; press Enter after each name."
          value={auditees}
          onChange={setAuditees}
        />
        <Textarea
          label="Conclusion"
          autosize
          minRows={2}
          {...bindText(conclusion, setConclusion, 'conclusion', 'The conclusion')}
        />
        <FormActions
          failure={failure}
          saving={saving}
          onCancel={onClose}
          submitLabel={audit ? 'Save audit' : 'Plan audit'}
        />
      </FormStack>
    </Drawer>
  );
}
