import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import {
  ActionIcon,
  Badge,
  Button,
  Grid,
  Group,
  Kbd,
  Loader,
  Stack,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { spotlight } from '@mantine/spotlight';
import {
  IconChevronLeft,
  IconChevronRight,
  IconHistory,
  IconKeyboard,
  IconPlayerTrackNext,
  IconSearch,
} from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { inScope } from '../../../../shared/rules/scope';
import { useCatalog } from '../../stores/catalog';
import { emptyDraft, progressSignature, useInterview } from '../../stores/interview';
import { isReadOnly, useWorkspace } from '../../stores/workspace';
import { href, navigate } from '../../router/hash-route';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSessions } from '../../stores/sessions';
import { CurrentSessionSelect } from '../sessions/CurrentSessionSelect';
import { AnswerPanel } from './AnswerPanel';
import { GuidancePanel } from './GuidancePanel';
import { HistoryDrawer } from './HistoryDrawer';
import { RequirementNav } from './RequirementNav';
import { RequirementPalette } from './RequirementPalette';
import { ShortcutsHelp } from './ShortcutsHelp';
import { isAnswered, type NavFilter } from './filters';
import { useInterviewKeys } from './use-interview-keys';
import { InterviewExtras } from './InterviewExtras';
import { RelatedPanel } from '../crosswalks/RelatedPanel';
import { InterviewSuggestion } from '../iso27001/InterviewSuggestion';

export function InterviewTab({
  assessment,
  requirementRef,
}: {
  assessment: Assessment;
  requirementRef?: string;
}) {
  const catalog = useCatalog();
  const interview = useInterview();
  const refreshWorkspace = useWorkspace((s) => s.refresh);
  const [filter, setFilter] = useState<NavFilter>('all');
  const sessionItems = useSessions((s) => s.items);
  const sessionsFor = useSessions((s) => s.assessmentId);
  const sessions = sessionsFor === assessment.id ? sessionItems : [];
  const [currentSession, setCurrentSession] = useState<string | null>(null);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const notesRef = useRef<HTMLTextAreaElement>(null);
  const readOnly = isReadOnly(assessment);

  useEffect(() => {
    void catalog.load(assessment.frameworkId);
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessment.frameworkId]);
  useEffect(() => {
    void interview.load(assessment.id);
    void useSessions.getState().load(assessment.id);
    return () => {
      void useInterview.getState().flush();
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [assessment.id]);
  useEffect(() => {
    const flushAll = () => void useInterview.getState().flush();
    window.addEventListener('beforeunload', flushAll);
    return () => window.removeEventListener('beforeunload', flushAll);
  }, []);

  // The header's progress follows every stored answer (count and flags), not only navigation.
  const savedSummary = progressSignature(interview.saved);
  useEffect(() => {
    if (savedSummary) void refreshWorkspace();
  }, [savedSummary, refreshWorkspace]);

  const view = catalog.views[assessment.frameworkId];
  const requirements = useMemo(
    () =>
      view
        ? view.requirements.filter((r) => r.assessable && inScope(r.ref, assessment.excludedAreas))
        : [],
    [view, assessment.excludedAreas],
  );
  const areaTitles = useMemo(
    () =>
      Object.fromEntries(
        (view?.requirements ?? []).filter((r) => r.level === 1).map((r) => [r.ref, r.title]),
      ),
    [view],
  );
  const fallbackId = assessment.lastRequirementId ?? requirements[0]?.id;
  const current =
    requirements.find((r) => r.ref === requirementRef) ??
    requirements.find((r) => r.id === fallbackId) ??
    requirements[0];
  const index = current ? requirements.indexOf(current) : -1;
  const draft = (current && interview.drafts[current.id]) || emptyDraft(currentSession);

  /**
   * Key handlers registered by an earlier render must act on the requirement on screen now, even
   * when a key arrives between a navigation and the next render (fast typists do that). So the
   * requirement in focus lives in a ref that navigation updates at once.
   */
  const focus = useRef(current);
  useLayoutEffect(() => {
    focus.current = current;
  });
  const at = () => (focus.current ? requirements.indexOf(focus.current) : -1);

  const go = useCallback(
    (target: Requirement | undefined) => {
      const from = focus.current;
      if (!target || target.id === from?.id) return;
      if (from) void useInterview.getState().flush(from.id);
      focus.current = target;
      navigate('assessments', assessment.id, 'interview', target.ref);
      void useWorkspace.getState().setPosition(assessment.id, target.id);
    },
    [assessment.id],
  );
  const next = () => go(requirements[at() + 1]);
  const previous = () => go(requirements[at() - 1]);
  const nextUnanswered = () => {
    const i = at();
    const drafts = useInterview.getState().drafts;
    const after = [...requirements.slice(i + 1), ...requirements.slice(0, i)];
    go(after.find((r) => !isAnswered(drafts[r.id])));
  };
  const edit = (patch: Parameters<typeof interview.edit>[1], immediate?: boolean) => {
    const target = focus.current;
    if (!target || readOnly) return;
    const store = useInterview.getState();
    const base = store.drafts[target.id] ? {} : { sessionId: currentSession };
    store.edit(target.id, { ...base, ...patch }, immediate);
  };
  const toggleFollowUp = () => {
    const target = focus.current;
    if (!target) return;
    edit({ followUp: !(useInterview.getState().drafts[target.id]?.followUp ?? false) }, true);
  };

  useInterviewKeys(
    {
      setResult: (result) => edit({ result }, true),
      next,
      previous,
      nextUnanswered,
      toggleFollowUp,
      // The answer panel is not re-mounted per requirement, so this ref is never a detached textarea.
      focusNotes: () => notesRef.current?.focus(),
      help: () => setHelpOpen(true),
    },
    !!current && !historyOpen && !helpOpen,
  );

  if (catalog.status === 'error' && catalog.error) return <ErrorAlert message={catalog.error} />;
  if (interview.loadError) return <ErrorAlert message={interview.loadError} />;
  if (!view || interview.loading) return <Loader aria-label="Loading interview" />;
  if (!current)
    return (
      <Text c="dimmed">Nothing is in scope: include at least one area on the Assessment tab.</Text>
    );

  const suggestions = [...new Set(sessions.flatMap((s) => s.interviewees.map((i) => i.name)))];
  const sessionSelect = (
    <CurrentSessionSelect
      assessmentId={assessment.id}
      value={draft.sessionId ?? currentSession}
      onChange={(value) => {
        setCurrentSession(value);
        edit({ sessionId: value }, true);
      }}
    />
  );

  return (
    <>
      <RequirementPalette requirements={requirements} drafts={interview.drafts} onSelect={go} />
      <ShortcutsHelp opened={helpOpen} onClose={() => setHelpOpen(false)} />
      <HistoryDrawer
        opened={historyOpen}
        onClose={() => setHistoryOpen(false)}
        assessmentId={assessment.id}
        requirementId={current.id}
        title={`${current.ref} ${current.title}`}
      />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 3 }}>
          <RequirementNav
            requirements={requirements}
            areaTitles={areaTitles}
            drafts={interview.drafts}
            currentId={current.id}
            filter={filter}
            onFilter={setFilter}
            onSelect={go}
            linkFor={(r) => href('assessments', assessment.id, 'interview', r.ref)}
          />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 9 }}>
          <Stack gap="sm">
            <Group justify="space-between">
              <Group gap="sm" wrap="nowrap">
                <Badge size="lg" variant="light">
                  {current.ref}
                </Badge>
                <Title order={3} lh={1.2}>
                  {current.title}
                </Title>
              </Group>
              <Group gap={6}>
                <Text size="xs" c="dimmed" style={{ whiteSpace: 'nowrap' }}>
                  {index + 1} / {requirements.length}
                </Text>
                <Tooltip label="Previous (K or Alt+←)">
                  <ActionIcon
                    variant="default"
                    aria-label="Previous requirement"
                    onClick={previous}
                    disabled={index <= 0}
                  >
                    <IconChevronLeft size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Next (J or Alt+→)">
                  <ActionIcon
                    variant="default"
                    aria-label="Next requirement"
                    onClick={next}
                    disabled={index >= requirements.length - 1}
                  >
                    <IconChevronRight size={18} />
                  </ActionIcon>
                </Tooltip>
                <Button
                  size="xs"
                  variant="default"
                  leftSection={<IconPlayerTrackNext size={14} />}
                  onClick={nextUnanswered}
                >
                  Next open{' '}
                  <Kbd size="xs" ml={6}>
                    U
                  </Kbd>
                </Button>
                <Tooltip label="Go to requirement (Ctrl+K or /)">
                  <ActionIcon
                    variant="default"
                    aria-label="Go to requirement"
                    onClick={() => spotlight.open()}
                  >
                    <IconSearch size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="History of this requirement">
                  <ActionIcon
                    variant="default"
                    aria-label="History"
                    onClick={() => setHistoryOpen(true)}
                  >
                    <IconHistory size={18} />
                  </ActionIcon>
                </Tooltip>
                <Tooltip label="Keyboard shortcuts (?)">
                  <ActionIcon
                    variant="default"
                    aria-label="Keyboard shortcuts"
                    onClick={() => setHelpOpen(true)}
                  >
                    <IconKeyboard size={18} />
                  </ActionIcon>
                </Tooltip>
              </Group>
            </Group>
            <Grid gap="md">
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <Stack gap="sm">
                  <GuidancePanel
                    view={view}
                    requirement={current}
                    onOpenRef={(ref) => go(requirements.find((r) => r.ref === ref))}
                  />
                  <RelatedPanel frameworkId={assessment.frameworkId} requirementRef={current.ref} />
                </Stack>
              </Grid.Col>
              <Grid.Col span={{ base: 12, lg: 6 }}>
                <Stack gap="sm">
                  <AnswerPanel
                    ref={notesRef}
                    draft={draft}
                    readOnly={readOnly}
                    saveState={
                      interview.saveState[current.id] ??
                      (interview.saved[current.id] ? 'saved' : undefined)
                    }
                    saveError={interview.saveError[current.id]}
                    intervieweeSuggestions={suggestions}
                    sessionSelect={sessionSelect}
                    onChange={edit}
                    onNotesBlur={() => void interview.flush(current.id)}
                  />
                  <InterviewSuggestion
                    assessmentId={assessment.id}
                    requirementId={current.id}
                    result={draft.result}
                  />
                  <InterviewExtras assessment={assessment} requirement={current} />
                </Stack>
              </Grid.Col>
            </Grid>
          </Stack>
        </Grid.Col>
      </Grid>
    </>
  );
}
