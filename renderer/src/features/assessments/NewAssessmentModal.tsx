import { useEffect, useState } from 'react';
import { Alert, Button, Group, Modal, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { CommandError } from '../../../../shared/contracts/envelope';
import { DEFAULT_FRAMEWORK_ID } from '../../../../shared/contracts/assessments';
import { errorMessage } from '../../api/error-message';
import { useEngagements } from '../../stores/engagements';
import { assessableFrameworks, useCatalog } from '../../stores/catalog';
import { useAssessments } from '../../stores/assessments';
import { navigate } from '../../router/hash-route';
import { ScopePicker } from './ScopePicker';

interface Props {
  opened: boolean;
  onClose(): void;
  engagementId?: string;
}

export function NewAssessmentModal({ opened, onClose, engagementId }: Props) {
  const engagements = useEngagements();
  const loadCatalog = useCatalog((s) => s.load);
  // Reference catalogs (EU AI Act, NIST AI RMF, ISO/IEC 27001) are browsed, never assessed.
  const allFrameworks = useCatalog((s) => s.frameworks);
  const frameworks = assessableFrameworks(allFrameworks);
  const [frameworkId, setFrameworkId] = useState<string | null>(null);
  const createAssessment = useAssessments((s) => s.create);
  const [engagement, setEngagement] = useState<string | null>(engagementId ?? null);
  const [title, setTitle] = useState('');
  const [plannedStart, setPlannedStart] = useState('');
  const [plannedEnd, setPlannedEnd] = useState('');
  const [excluded, setExcluded] = useState<string[]>([]);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [failure, setFailure] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    if (!opened) return;
    void engagements.load();
    void loadCatalog();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [opened]);

  async function create() {
    const found: Record<string, string> = {};
    if (!engagement) found.engagementId = 'Choose the engagement this assessment belongs to.';
    if (!title.trim()) found.title = 'Give the assessment a title, e.g. “Stage 1 readiness 2026”.';
    setErrors(found);
    if (Object.keys(found).length > 0 || !engagement) return;
    setSaving(true);
    setFailure(null);
    try {
      const created = await createAssessment({
        engagementId: engagement,
        ...(frameworkId ? { frameworkId } : {}),
        title,
        excludedAreas: excluded,
        plannedStart: plannedStart || null,
        plannedEnd: plannedEnd || null,
      });
      onClose();
      navigate('assessments', created.id, 'interview');
    } catch (error) {
      if (error instanceof CommandError) {
        setErrors(
          Object.fromEntries((error.details?.issues ?? []).map((i) => [i.path, i.message])),
        );
      }
      setFailure(errorMessage(error));
    } finally {
      setSaving(false);
    }
  }

  return (
    <Modal opened={opened} onClose={onClose} title="New assessment" size="lg">
      <Stack>
        {failure && (
          <Alert color="red" role="alert">
            {failure}
          </Alert>
        )}
        <Select
          label="Engagement"
          required
          searchable
          data={engagements.items.map((e) => ({ value: e.id, label: e.clientName }))}
          value={engagement}
          onChange={setEngagement}
          error={errors.engagementId}
          nothingFoundMessage="No engagement yet — create one on the Engagements screen first."
        />
        {frameworks.length > 1 && (
          <Select
            label="Framework"
            description="A custom catalog (your own copy with added questions) appears here beside ours."
            data={frameworks.map((f) => ({ value: f.id, label: `${f.name} (${f.id})` }))}
            value={frameworkId ?? DEFAULT_FRAMEWORK_ID}
            onChange={setFrameworkId}
            allowDeselect={false}
          />
        )}
        <TextInput
          label="Title"
          required
          value={title}
          onChange={(e) => setTitle(e.currentTarget.value)}
          error={errors.title}
          data-autofocus
        />
        <SimpleGrid cols={2}>
          <TextInput
            type="date"
            label="Planned start"
            value={plannedStart}
            onChange={(e) => setPlannedStart(e.currentTarget.value)}
            error={errors.plannedStart}
          />
          <TextInput
            type="date"
            label="Planned end"
            value={plannedEnd}
            onChange={(e) => setPlannedEnd(e.currentTarget.value)}
            error={errors.plannedEnd}
          />
        </SimpleGrid>
        <ScopePicker excluded={excluded} onChange={setExcluded} />
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button onClick={() => void create()} loading={saving}>
            Create assessment
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
