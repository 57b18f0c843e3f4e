import { useCallback, useEffect, useMemo, useState } from 'react';
import { Button, Group, Loader, Paper, Select, Stack, Text } from '@mantine/core';
import { IconBriefcase, IconCalendarCheck, IconPlus } from '@tabler/icons-react';
import { DEFAULT_FRAMEWORK_ID } from '../../../../shared/contracts/assessments';
import type {
  AuditProgramme,
  InternalAudit,
  ProgrammeCoverage,
} from '../../../../shared/contracts/audits';
import { errorMessage } from '../../api/error-message';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { navigate } from '../../router/hash-route';
import { fetchAudits, fetchCoverage, fetchProgrammes } from '../../stores/audits';
import { useCatalog } from '../../stores/catalog';
import { useEngagements } from '../../stores/engagements';
import { AuditDrawer, type RequirementChoice } from './AuditDrawer';
import { AuditList } from './AuditList';
import { CoverageMap } from './CoverageMap';
import { ProgrammeModal } from './ProgrammeModal';

interface Loaded {
  programmes: AuditProgramme[];
  audits: InternalAudit[];
  coverage: ProgrammeCoverage | null;
}

/**
 * The internal audit programme (9.2) of an engagement: its period, the coverage map, and its
 * audits with their independence check.
 */
export function AuditsScreen({ engagementId: routeId }: { engagementId?: string }) {
  const engagements = useEngagements();
  const { load: loadEngagements } = engagements;
  const catalog = useCatalog((s) => s.views[DEFAULT_FRAMEWORK_ID]);
  const loadCatalog = useCatalog((s) => s.load);
  const [programmeId, setProgrammeId] = useState<string | null>(null);
  const [loaded, setLoaded] = useState<Loaded | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [open, setOpen] = useState<InternalAudit | 'new' | null>(null);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void loadEngagements();
    if (!catalog) void loadCatalog(DEFAULT_FRAMEWORK_ID);
  }, [loadEngagements, loadCatalog, catalog]);
  const chosen = routeId ?? engagements.items[0]?.id ?? null;

  /** The engagement's programmes, and the chosen one's audits and coverage (the first if none). */
  const fetchAll = useCallback(async (engagementId: string, wanted: string | null) => {
    const programmes = await fetchProgrammes(engagementId);
    const id = wanted && programmes.some((p) => p.id === wanted) ? wanted : programmes[0]?.id;
    const [audits, coverage] = id
      ? await Promise.all([fetchAudits(id), fetchCoverage(id)])
      : [[], null];
    return { programmeId: id ?? null, loaded: { programmes, audits, coverage } };
  }, []);
  const reload = useCallback(
    (engagementId: string, wanted: string | null) =>
      fetchAll(engagementId, wanted)
        .then((r) => {
          setProgrammeId(r.programmeId);
          setLoaded(r.loaded);
        })
        .catch((error: unknown) => setFailure(errorMessage(error))),
    [fetchAll],
  );
  // The screen is keyed by the engagement in the route: a new engagement mounts a new screen.
  useEffect(() => {
    if (!chosen) return;
    let live = true;
    fetchAll(chosen, null)
      .then((r) => {
        if (!live) return;
        setProgrammeId(r.programmeId);
        setLoaded(r.loaded);
      })
      .catch((error: unknown) => live && setFailure(errorMessage(error)));
    return () => {
      live = false;
    };
  }, [chosen, fetchAll]);

  const requirements: RequirementChoice[] = useMemo(
    () =>
      (catalog?.requirements ?? [])
        .filter((r) => r.assessable)
        .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}`, ref: r.ref })),
    [catalog],
  );

  const header = (
    <PageHeader
      title="Internal audits"
      subtitle="The internal audit programme (ISO/IEC 42001 9.2): over its period every clause and every applicable control is audited at least once, by auditors independent of what they audit."
      actions={
        chosen && (
          <Button
            variant="default"
            leftSection={<IconPlus size={16} />}
            onClick={() => setCreating(true)}
          >
            New programme
          </Button>
        )
      }
    />
  );
  if (engagements.status !== 'ready')
    return (
      <>
        {header}
        {engagements.error ? (
          <ErrorAlert message={engagements.error} />
        ) : (
          <Loader aria-label="Loading engagements" />
        )}
      </>
    );
  if (!chosen)
    return (
      <>
        {header}
        <Paper withBorder radius="md">
          <EmptyState icon={<IconBriefcase size={28} />} title="No engagement yet">
            An audit programme belongs to an engagement. Create one under Engagements first.
          </EmptyState>
        </Paper>
      </>
    );

  const programme = loaded?.programmes.find((p) => p.id === programmeId) ?? null;
  return (
    <>
      {header}
      <Stack gap="md">
        <Group align="flex-end">
          <Select
            label="Engagement"
            allowDeselect={false}
            data={engagements.items.map((e) => ({ value: e.id, label: e.clientName }))}
            value={chosen}
            onChange={(id) => id && navigate('audits', id)}
            w={360}
          />
          {loaded && loaded.programmes.length > 0 && (
            <Select
              label="Programme"
              allowDeselect={false}
              data={loaded.programmes.map((p) => ({ value: p.id, label: p.title }))}
              value={programmeId}
              onChange={(id) => id && void reload(chosen, id)}
              w={360}
            />
          )}
        </Group>
        {failure && (
          <ErrorAlert message={failure} onRetry={() => void reload(chosen, programmeId)} />
        )}
        {!loaded ? (
          <Loader aria-label="Loading the programme" />
        ) : !programme ? (
          <Paper withBorder radius="md">
            <EmptyState icon={<IconCalendarCheck size={28} />} title="No audit programme yet">
              Create the programme for the period (typically three years), then plan its audits
              until the coverage map shows no gap.
            </EmptyState>
          </Paper>
        ) : (
          <>
            <Group justify="space-between">
              <Text size="sm" c="dimmed">
                {programme.periodStart} to {programme.periodEnd}
                {programme.objectives ? ` · ${programme.objectives}` : ''}
              </Text>
              <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')}>
                Plan an audit
              </Button>
            </Group>
            <AuditList
              audits={loaded.audits}
              onOpen={setOpen}
              onChecklist={(a) => navigate('audits', chosen, 'checklist', a.id)}
            />
            {loaded.coverage && <CoverageMap coverage={loaded.coverage} />}
          </>
        )}
      </Stack>
      {creating && (
        <ProgrammeModal
          engagementId={chosen}
          onClose={() => setCreating(false)}
          onSaved={(p) => {
            setCreating(false);
            void reload(chosen, p.id);
          }}
        />
      )}
      {open && programme && (
        <AuditDrawer
          key={open === 'new' ? 'new' : open.id}
          programmeId={programme.id}
          audit={open === 'new' ? null : open}
          requirements={requirements}
          onClose={() => setOpen(null)}
          onSaved={() => {
            setOpen(null);
            void reload(chosen, programme.id);
          }}
        />
      )}
    </>
  );
}
