import {
  Badge,
  Group,
  NavLink,
  Progress,
  ScrollArea,
  SegmentedControl,
  Stack,
  Text,
  VisuallyHidden,
} from '@mantine/core';
import { IconFlag } from '@tabler/icons-react';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { areaOf } from '../../../../shared/rules/scope';
import { resultLabels } from '../../../../shared/domain/assessment';
import type { Draft } from '../../stores/interview';
import { isAnswered, matchesFilter, type NavFilter } from './filters';
import { resultColours, resultIcons } from './result-style';

interface Props {
  requirements: Requirement[];
  areaTitles: Record<string, string>;
  drafts: Record<string, Draft>;
  currentId: string | undefined;
  filter: NavFilter;
  onFilter(filter: NavFilter): void;
  onSelect(requirement: Requirement): void;
  linkFor(requirement: Requirement): string;
}

/** The tree of in-scope requirements by clause and Annex A area, with progress per area. */
export function RequirementNav({
  requirements,
  areaTitles,
  drafts,
  currentId,
  filter,
  onFilter,
  onSelect,
  linkFor,
}: Props) {
  const areas = new Map<string, Requirement[]>();
  for (const r of requirements) {
    const area = areaOf(r.ref);
    areas.set(area, [...(areas.get(area) ?? []), r]);
  }
  return (
    <Stack gap="xs" h="100%">
      <SegmentedControl
        aria-label="Show"
        size="xs"
        fullWidth
        value={filter}
        onChange={(v) => onFilter(v as NavFilter)}
        data={[
          { value: 'all', label: 'All' },
          { value: 'unanswered', label: 'Open' },
          { value: 'flagged', label: 'Flagged' },
          { value: 'nonconformant', label: 'Gaps' },
        ]}
      />
      {/* At least 20rem tall: zoomed to 200 %, the header takes most of the window, and a list
          sized from the window alone shrank to one line. */}
      <ScrollArea h="max(calc(100vh - 300px), 20rem)" type="auto" offsetScrollbars>
        <nav aria-label="Requirements in scope">
          {[...areas.entries()].map(([area, items]) => {
            const answered = items.filter((r) => isAnswered(drafts[r.id])).length;
            const visible = items.filter((r) => matchesFilter(filter, drafts[r.id]));
            if (visible.length === 0) return null;
            return (
              <Stack key={area} gap={2} mb="sm">
                <Group justify="space-between" px={6} wrap="nowrap">
                  <Text size="xs" fw={700} tt="uppercase" c="dimmed" truncate>
                    {area} {areaTitles[area] ?? ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {answered}/{items.length}
                  </Text>
                </Group>
                <Progress
                  value={(100 * answered) / items.length}
                  size="xs"
                  mx={6}
                  aria-label={`${area}: ${answered} of ${items.length} assessed`}
                />
                {visible.map((r) => {
                  const draft = drafts[r.id];
                  const result = draft?.result ?? 'not-assessed';
                  const ResultIcon = resultIcons[result];
                  // The link's name is its text, so what a speech-input user reads out works: the
                  // ref, the title, then the state that the colour and shape show.
                  return (
                    <NavLink
                      key={r.id}
                      href={linkFor(r)}
                      active={r.id === currentId}
                      onClick={(e) => {
                        e.preventDefault();
                        onSelect(r);
                      }}
                      aria-current={r.id === currentId ? 'step' : undefined}
                      py={4}
                      label={
                        <Group gap={6} wrap="nowrap">
                          <Badge
                            size="xs"
                            variant={isAnswered(draft) ? 'filled' : 'outline'}
                            color={resultColours[result]}
                            miw={58}
                            leftSection={<ResultIcon size={10} stroke={3} aria-hidden />}
                          >
                            {r.ref}
                          </Badge>{' '}
                          <Text size="sm" truncate>
                            {r.title}
                          </Text>
                          {draft?.followUp && (
                            <IconFlag
                              size={14}
                              color="var(--mantine-color-orange-6)"
                              aria-hidden
                              style={{ flexShrink: 0 }}
                            />
                          )}
                          <VisuallyHidden>
                            {draft?.followUp ? ', flagged' : ''}, {resultLabels[result]}
                          </VisuallyHidden>
                        </Group>
                      }
                    />
                  );
                })}
              </Stack>
            );
          })}
        </nav>
      </ScrollArea>
    </Stack>
  );
}
