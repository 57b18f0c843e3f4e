import { useState } from 'react';
import {
  ActionIcon,
  Alert,
  Button,
  Group,
  NumberInput,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconPlus, IconTrash } from '@tabler/icons-react';
import type { RiskCriteria, RiskCriteriaInput } from '../../../../shared/contracts/risks';
import { defaultCriteria, maxScore, validateCriteria } from '../../../../shared/rules/risk-levels';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { formatDateTime } from '../../format';
import { useRisks } from '../../stores/risks';

type Draft = Required<RiskCriteriaInput>;

const toDraft = (c: RiskCriteria): Draft => ({
  likelihoodLevels: c.likelihoodLevels,
  impactLevels: c.impactLevels,
  likelihoodLabels: [...c.likelihoodLabels],
  impactLabels: [...c.impactLabels],
  bands: c.bands.map((b) => ({ ...b })),
  acceptanceThreshold: c.acceptanceThreshold,
});

/** Resizes a label list, keeping typed labels and filling new levels from the 5-level defaults. */
function resize(labels: string[], n: number, defaults: string[]): string[] {
  return Array.from({ length: n }, (_, i) => labels[i] ?? defaults[i] ?? `Level ${i + 1}`);
}

function Labels({
  name,
  labels,
  onChange,
}: {
  name: string;
  labels: string[];
  onChange(l: string[]): void;
}) {
  return (
    <Stack gap={4}>
      {labels.map((label, i) => (
        <TextInput
          key={i}
          label={`${name} ${i + 1}`}
          value={label}
          onChange={(e) => onChange(labels.map((l, k) => (k === i ? e.currentTarget.value : l)))}
        />
      ))}
    </Stack>
  );
}

export function CriteriaTab() {
  const { criteria, saveCriteria, rerate } = useRisks();
  const [draft, setDraft] = useState<Draft | null>(() => (criteria ? toDraft(criteria) : null));
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  if (!criteria || !draft) return null;
  const problems = validateCriteria(draft);
  const top = maxScore(draft);
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft({ ...draft, [key]: value });

  async function save() {
    if (!draft || problems.length > 0) return;
    setBusy(true);
    setFailure(null);
    try {
      await saveCriteria(draft);
      notifications.show({ message: 'Criteria saved. Recorded risk levels were not changed.' });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function runRerate() {
    setBusy(true);
    try {
      const result = await rerate();
      notifications.show({
        title: `Re-rated ${result.rerated} risk${result.rerated === 1 ? '' : 's'}`,
        message: result.skipped.length
          ? `${result.skipped.length} could not be re-rated (levels outside the new matrix), e.g. ${result.skipped[0]?.ref}: edit their rating first.`
          : 'Every change is in the audit trail.',
        color: result.skipped.length ? 'orange' : 'green',
      });
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Stack maw={900}>
      {failure && <ErrorAlert message={failure} />}
      <Text size="sm" c="dimmed">
        Version {criteria.version}
        {criteria.saved && criteria.updatedAt
          ? `, saved ${formatDateTime(criteria.updatedAt)} by ${criteria.updatedBy}`
          : ' (the defaults; not saved yet)'}
        . Score = likelihood × impact. A band applies from its lowest score up to the next band.
        Risks at or below the acceptance threshold may be accepted without treatment.
      </Text>
      {criteria.staleRiskCount > 0 && (
        <Alert color="yellow" title="Risks rated under older criteria">
          <Group justify="space-between">
            <Text size="sm">
              {criteria.staleRiskCount} risk
              {criteria.staleRiskCount === 1 ? ' keeps levels' : 's keep levels'} computed under an
              earlier version. Saving criteria never changes a recorded level; re-rating is a
              separate, audited step.
            </Text>
            <Button color="yellow" onClick={() => void runRerate()} loading={busy}>
              Re-rate all risks
            </Button>
          </Group>
        </Alert>
      )}
      <Paper withBorder p="md" radius="md">
        <SimpleGrid cols={2}>
          <Stack>
            <Select
              label="Likelihood levels"
              data={['3', '4', '5']}
              allowDeselect={false}
              value={String(draft.likelihoodLevels)}
              onChange={(v) => {
                const n = Number(v);
                setDraft({
                  ...draft,
                  likelihoodLevels: n,
                  likelihoodLabels: resize(
                    draft.likelihoodLabels,
                    n,
                    defaultCriteria.likelihoodLabels,
                  ),
                });
              }}
            />
            <Labels
              name="Likelihood label"
              labels={draft.likelihoodLabels}
              onChange={(l) => set('likelihoodLabels', l)}
            />
          </Stack>
          <Stack>
            <Select
              label="Impact levels"
              data={['3', '4', '5']}
              allowDeselect={false}
              value={String(draft.impactLevels)}
              onChange={(v) => {
                const n = Number(v);
                setDraft({
                  ...draft,
                  impactLevels: n,
                  impactLabels: resize(draft.impactLabels, n, defaultCriteria.impactLabels),
                });
              }}
            />
            <Labels
              name="Impact label"
              labels={draft.impactLabels}
              onChange={(l) => set('impactLabels', l)}
            />
          </Stack>
        </SimpleGrid>
      </Paper>
      <Paper withBorder p="md" radius="md">
        <Title order={4} mb="xs">
          Level bands (scores 1–{top})
        </Title>
        <Stack gap={6}>
          {draft.bands.map((b, i) => (
            <Group key={i} align="flex-end">
              <TextInput
                label={`Band ${i + 1} name`}
                value={b.name}
                onChange={(e) =>
                  set(
                    'bands',
                    draft.bands.map((x, k) =>
                      k === i ? { ...x, name: e.currentTarget.value } : x,
                    ),
                  )
                }
              />
              <NumberInput
                label={`Band ${i + 1} lowest score`}
                min={1}
                max={top}
                w={160}
                value={b.minScore}
                onChange={(v) =>
                  set(
                    'bands',
                    draft.bands.map((x, k) => (k === i ? { ...x, minScore: Number(v) || 0 } : x)),
                  )
                }
              />
              <ActionIcon
                variant="subtle"
                color="red"
                aria-label={`Remove band ${i + 1}`}
                disabled={draft.bands.length <= 2}
                onClick={() =>
                  set(
                    'bands',
                    draft.bands.filter((_, k) => k !== i),
                  )
                }
              >
                <IconTrash size={16} />
              </ActionIcon>
            </Group>
          ))}
          <Group>
            <Button
              variant="subtle"
              leftSection={<IconPlus size={14} />}
              disabled={draft.bands.length >= 6}
              onClick={() => set('bands', [...draft.bands, { name: '', minScore: top }])}
            >
              Add band
            </Button>
          </Group>
        </Stack>
        <NumberInput
          mt="md"
          w={260}
          label="Acceptance threshold (highest acceptable score)"
          min={1}
          max={top}
          value={draft.acceptanceThreshold}
          onChange={(v) => set('acceptanceThreshold', Number(v) || 0)}
        />
      </Paper>
      {problems.length > 0 && (
        <Alert color="red" title="These criteria cannot be saved yet">
          {problems.map((p) => (
            <Text key={p.path} size="sm">
              {p.path}: {p.message}
            </Text>
          ))}
        </Alert>
      )}
      <Group>
        <Button onClick={() => void save()} loading={busy} disabled={problems.length > 0}>
          Save criteria
        </Button>
        <Button variant="default" onClick={() => setDraft(toDraft(criteria))}>
          Discard changes
        </Button>
      </Group>
    </Stack>
  );
}
