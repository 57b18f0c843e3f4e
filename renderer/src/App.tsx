import { AppShell, Burger, Group, NavLink, Text, Title } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import {
  IconBook2,
  IconBriefcase,
  IconCalendarCheck,
  IconPresentation,
  IconChecklist,
  IconFileCertificate,
  IconFolders,
  IconListCheck,
  IconSettings,
  IconShieldExclamation,
  IconTool,
} from '@tabler/icons-react';
import { Suspense, useEffect, type ReactNode } from 'react';
import { Loader } from '@mantine/core';
import { href, useRoute } from './router/hash-route';
import { screenLoader } from './router/screen-loader';
import { useRisks } from './stores/risks';
import { EngagementsScreen } from './features/engagements/EngagementsScreen';
import { NewEngagementScreen } from './features/engagements/NewEngagementScreen';
import { EngagementDetailScreen } from './features/engagements/EngagementDetailScreen';
import { CatalogScreen } from './features/catalog/CatalogScreen';
import { SettingsScreen } from './features/settings/SettingsScreen';
import { StoreBanner } from './features/settings/StoreBanner';
import { AssessmentsScreen } from './features/assessments/AssessmentsScreen';
import { PickAssessmentScreen } from './features/assessments/PickAssessmentScreen';
import { mainContentId, SkipLink } from './components/SkipLink';

// The heavy screens (PDF preview, charts, the virtualised register) load when first opened, so the
// app's first page comes up fast.
const EvidenceScreen = screenLoader(() =>
  import('./features/evidence/EvidenceScreen').then((m) => m.EvidenceScreen),
);
const AssessmentWorkspace = screenLoader(() =>
  import('./features/assessments/AssessmentWorkspace').then((m) => m.AssessmentWorkspace),
);
const ReportsScreen = screenLoader(() =>
  import('./features/reports/ReportsScreen').then((m) => m.ReportsScreen),
);
const CompareScreen = screenLoader(() =>
  import('./features/comparison/CompareScreen').then((m) => m.CompareScreen),
);
const ActionsScreen = screenLoader(() =>
  import('./features/corrective-actions/ActionsScreen').then((m) => m.ActionsScreen),
);
const AuditsScreen = screenLoader(() =>
  import('./features/audits/AuditsScreen').then((m) => m.AuditsScreen),
);
const ChecklistScreen = screenLoader(() =>
  import('./features/audits/ChecklistScreen').then((m) => m.ChecklistScreen),
);
const ReviewsScreen = screenLoader(() =>
  import('./features/management-reviews/ReviewsScreen').then((m) => m.ReviewsScreen),
);
const MergeScreen = screenLoader(() =>
  import('./features/merge/MergeScreen').then((m) => m.MergeScreen),
);
const RisksScreen = screenLoader(() => {
  const code = import('./features/risks/RisksScreen');
  // The remembered engagement's register is read while the screen's code loads (a cold start on
  // the register otherwise waits for that code, then for the screen's first render). The store
  // is in the app's first chunk: from its own chunk, the reads began only once that came.
  void useRisks.getState().openRemembered(code);
  return code.then((m) => m.RisksScreen);
});

/**
 * Starts loading the screen a cold start opens on, and its data, before the app's first render:
 * that render (the shell) then runs while they load instead of before they are asked for.
 */
export function preloadScreen(route: string[]): void {
  const screens: Record<string, { preload(): Promise<unknown> } | undefined> = {
    evidence: EvidenceScreen,
    assessments: route[1] ? AssessmentWorkspace : undefined,
    reports: ReportsScreen,
    compare: CompareScreen,
    actions: ActionsScreen,
    audits: route[2] === 'checklist' ? ChecklistScreen : AuditsScreen,
    reviews: ReviewsScreen,
    merge: MergeScreen,
    risks: RisksScreen,
  };
  // A failure is shown when the screen renders (it loads again then).
  screens[route[0] ?? '']?.preload().catch(() => undefined);
}

interface Section {
  key: string;
  label: string;
  icon: ReactNode;
}

const sections: Section[] = [
  { key: 'engagements', label: 'Engagements', icon: <IconBriefcase size={18} /> },
  { key: 'assessments', label: 'Assessments', icon: <IconChecklist size={18} /> },
  { key: 'evidence', label: 'Evidence', icon: <IconFolders size={18} /> },
  { key: 'risks', label: 'Risks', icon: <IconShieldExclamation size={18} /> },
  { key: 'actions', label: 'Corrective actions', icon: <IconTool size={18} /> },
  { key: 'audits', label: 'Internal audits', icon: <IconCalendarCheck size={18} /> },
  { key: 'reviews', label: 'Management reviews', icon: <IconPresentation size={18} /> },
  { key: 'soa', label: 'Statement of Applicability', icon: <IconListCheck size={18} /> },
  { key: 'reports', label: 'Reports', icon: <IconFileCertificate size={18} /> },
  { key: 'catalog', label: 'Catalog', icon: <IconBook2 size={18} /> },
  { key: 'settings', label: 'Settings', icon: <IconSettings size={18} /> },
];

function Screen({ route }: { route: string[] }) {
  const [section, id, sub, ...rest] = route;
  switch (section) {
    case 'engagements':
      if (id === 'new') return <NewEngagementScreen />;
      if (id)
        return (
          <EngagementDetailScreen key={`${id}:${sub ?? ''}`} id={id} editing={sub === 'edit'} />
        );
      return <EngagementsScreen />;
    case 'catalog':
      // Keyed by framework: a search or section filter belongs to the framework it was set in.
      return <CatalogScreen key={sub ?? ''} selectedRef={id} frameworkId={sub} />;
    case 'settings':
      return <SettingsScreen />;
    case 'assessments':
      if (id) return <AssessmentWorkspace id={id} tab={sub ?? 'interview'} rest={rest} />;
      return <AssessmentsScreen />;
    case 'evidence':
      return <EvidenceScreen key={id ?? ''} engagementId={id} />;
    case 'risks':
      return <RisksScreen tab={id} />;
    case 'soa':
      return (
        <PickAssessmentScreen
          title="Statement of Applicability"
          subtitle="The decision, justification and implementation status of every Annex A control, per assessment."
          icon={<IconListCheck size={28} />}
          tab="soa"
        />
      );
    case 'reports':
      return <ReportsScreen />;
    case 'actions':
      return <ActionsScreen key={id ?? ''} engagementId={id} />;
    case 'audits':
      if (id && sub === 'checklist' && rest[0])
        return <ChecklistScreen key={rest[0]} engagementId={id} auditId={rest[0]} />;
      return <AuditsScreen key={id ?? ''} engagementId={id} />;
    case 'reviews':
      return <ReviewsScreen key={id ?? ''} engagementId={id} reviewId={sub} />;
    case 'merge':
      if (id) return <MergeScreen key={id} engagementId={id} />;
      return <EngagementsScreen />;
    case 'compare':
      if (id) return <CompareScreen key={id} engagementId={id} a={sub} b={rest[0]} />;
      return <EngagementsScreen />;
    default:
      return <EngagementsScreen />;
  }
}

export function App() {
  const route = useRoute();
  const active = route[0] ?? 'engagements';
  const [navOpened, nav] = useDisclosure(false);
  const label =
    sections.find((s) => s.key === active)?.label ??
    (active === 'compare'
      ? 'What changed'
      : active === 'merge'
        ? 'Merge conflicts'
        : 'Engagements');
  // The window's title names the screen, so a screen reader and the task switcher say where we are.
  useEffect(() => {
    document.title = `${label} — Assay`;
  }, [label]);
  return (
    // Below 48em (a laptop at 200 % zoom) the navigation folds behind a button, so the screen
    // keeps its width and reflows instead of scrolling sideways.
    <AppShell
      navbar={{ width: 248, breakpoint: 'sm', collapsed: { mobile: !navOpened } }}
      header={{ height: 52 }}
      padding={{ base: 'sm', sm: 'lg' }}
    >
      <SkipLink />
      <AppShell.Header px="md">
        <Group h="100%" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom="sm"
              size="sm"
              aria-label={navOpened ? 'Close navigation' : 'Open navigation'}
              aria-expanded={navOpened}
              aria-controls="main-navigation"
            />
            <Title order={3} c="indigo.8">
              Assay
            </Title>
            <Text size="sm" c="dimmed" visibleFrom="xs">
              ISO/IEC 42001 gap assessment
            </Text>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" aria-label="Main" id="main-navigation">
        {sections.map((s) => (
          <NavLink
            key={s.key}
            href={href(s.key)}
            label={s.label}
            leftSection={s.icon}
            active={active === s.key}
            aria-current={active === s.key ? 'page' : undefined}
            onClick={nav.close}
          />
        ))}
      </AppShell.Navbar>
      {/* tabIndex -1: the skip link moves the focus here; a click here does not add a stop. */}
      <AppShell.Main id={mainContentId} tabIndex={-1} style={{ outline: 'none' }}>
        <StoreBanner />
        <Suspense fallback={<Loader aria-label="Loading" />}>
          <Screen route={route} />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
