import { useEffect, useState } from 'react';
import {
  Button,
  Group,
  Loader,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
} from '@mantine/core';
import { IconFileImport, IconShieldCheck } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { ReuseRequirement } from '../../../../shared/contracts/iso27001';
import { useIso27001 } from '../../stores/iso27001';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatTile } from '../../components/StatTile';
import { ImportSheetModal } from './ImportSheetModal';
import { ReuseCard } from './ReuseCard';

const filters = {
  suggested: {
    label: 'With a suggestion',
    keep: (r: ReuseRequirement) => r.suggestion !== null,
  },
  evidence: {
    // Linked items stay listed, so a card does not vanish the moment its evidence is linked.
    label: 'Naming evidence in the vault',
    keep: (r: ReuseRequirement) => r.evidence.some((o) => o.items.length > 0),
  },
  informed: {
    label: 'Listed in the sheet',
    keep: (r: ReuseRequirement) => r.related.some((x) => x.sheet !== null),
  },
  all: { label: 'All related', keep: () => true },
} as const;
type Filter = keyof typeof filters;

/**
 * Reuse of the client's ISO/IEC 27001 work: import its SoA or assessment sheet, then per 42001
 * requirement see what the sheet says about the related clauses and controls, the answer it
 * suggests (recorded only when confirmed) and the evidence it names, offered for linking.
 */
export function Iso27001Tab({ assessment }: { assessment: Assessment }) {
  const { reuse, error, load } = useIso27001();
  const [importing, setImporting] = useState(false);
  const [filter, setFilter] = useState<Filter>('suggested');
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  if (error) return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (!reuse || reuse.assessmentId !== assessment.id)
    return <Loader aria-label="Loading what the 27001 sheet says" />;

  const dialog = importing && (
    <ImportSheetModal
      engagementId={assessment.engagementId}
      onClose={() => setImporting(false)}
      onImported={() => void load(assessment.id)}
    />
  );
  const importButton = (
    <Button leftSection={<IconFileImport size={16} />} onClick={() => setImporting(true)}>
      {reuse.source ? 'Import a newer sheet' : 'Import 27001 sheet'}
    </Button>
  );
  if (!reuse.source)
    return (
      <Paper withBorder radius="md">
        <EmptyState
          icon={<IconShieldCheck size={28} />}
          title="No ISO/IEC 27001 sheet yet"
          action={importButton}
        >
          If the client holds ISO/IEC 27001, import its Statement of Applicability or 27001
          assessment (XLSX or CSV). Assay then shows, per 42001 requirement, what the sheet says
          about the related clauses and controls, suggests answers for you to confirm, and offers
          the evidence it names for linking.
        </EmptyState>
        {dialog}
      </Paper>
    );

  const shown = reuse.requirements.filter(filters[filter].keep);
  const readOnly = assessment.status === 'final';
  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={760}>
          From {reuse.source.fileName} ({reuse.source.rows} rows, imported{' '}
          {reuse.source.importedAt.slice(0, 10)} by {reuse.source.importedBy}). Suggestions come
          only from 27001 entries our crosswalk marks equivalent or covering part of a requirement;
          none is an answer until you confirm it.
        </Text>
        {importButton}
      </Group>
      <SimpleGrid cols={{ base: 2, md: 4 }}>
        <StatTile label="Requirements the sheet informs" value={reuse.counts.informed} />
        <StatTile label="Suggested answers" value={reuse.counts.suggestions} />
        <StatTile label="Suggestions unlike the answer" value={reuse.counts.differing} />
        <StatTile label="Evidence to link" value={reuse.counts.evidenceOffers} />
      </SimpleGrid>
      <SegmentedControl
        aria-label="Which requirements to show"
        value={filter}
        onChange={(v) => setFilter(v as Filter)}
        data={Object.entries(filters).map(([value, f]) => ({ value, label: f.label }))}
      />
      {shown.length === 0 ? (
        <Text c="dimmed">No requirement matches this filter.</Text>
      ) : (
        shown.map((r) => (
          <ReuseCard
            key={r.requirementId}
            assessmentId={assessment.id}
            requirement={r}
            readOnly={readOnly}
          />
        ))
      )}
      {dialog}
    </Stack>
  );
}
