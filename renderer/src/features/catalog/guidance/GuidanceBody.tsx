import type { ReactNode } from 'react';
import { Badge, Group, List, Stack, Text, Title } from '@mantine/core';
import { overlapsOf } from '../../../../../shared/catalog/overlaps';
import type { CatalogView, Requirement } from '../../../../../shared/contracts/catalog';
import { NonconformityExamples } from './NonconformityExamples';
import { OverlapNotes } from './OverlapNotes';
import { QuestionList } from './QuestionList';
import { SamplingNote } from './SamplingNote';

interface Props {
  view: CatalogView;
  requirement: Requirement;
  /** A link to another requirement: the interview moves there, the catalog opens it. */
  renderRef(ref: string): ReactNode;
  /** The interview's narrow panel: shorter headings and smaller type than the catalog page. */
  compact?: boolean;
}

const headings = {
  full: {
    intent: 'What it asks for',
    overlaps: 'Shares ground with',
    questions: 'Questions to ask',
    sampling: 'How to sample',
    goodPractice: 'What good looks like',
    evidence: 'Evidence to request',
    nonconformity: 'Typical nonconformities',
    pitfalls: 'Gaps often found',
    links: 'Assess together with',
  },
  compact: {
    intent: null,
    overlaps: 'Shares ground with',
    questions: 'Ask',
    sampling: 'Sample',
    goodPractice: 'Good looks like',
    evidence: 'Request',
    nonconformity: 'Typical findings',
    pitfalls: 'Often missing',
    links: 'Assess together with',
  },
};

function Block({ title, children }: { title: string | null; children: ReactNode }) {
  return (
    <Stack gap={6}>
      {title && <Title order={5}>{title}</Title>}
      {children}
    </Stack>
  );
}

/** Our guidance for one requirement, shared by the interview panel and the catalog page. */
export function GuidanceBody({ view, requirement, renderRef, compact = false }: Props) {
  const g = requirement.guidance;
  const links = view.links.filter((l) => l.refs.includes(requirement.ref));
  const overlaps = overlapsOf(view.overlaps, requirement.ref);
  const h = compact ? headings.compact : headings.full;
  const size = compact ? 'sm' : undefined;
  return (
    <>
      {g && (
        <>
          <Block title={h.intent}>
            <Text>{g.intent}</Text>
          </Block>
          {overlaps.length > 0 && (
            <Block title={h.overlaps}>
              <OverlapNotes
                overlaps={overlaps}
                requirementRef={requirement.ref}
                requested={g.evidence}
                evidenceLabels={view.vocabulary.evidence}
                renderRef={renderRef}
                compact={compact}
              />
            </Block>
          )}
          <Block title={h.questions}>
            <QuestionList questions={g.questions} compact={compact} />
          </Block>
          <Block title={h.sampling}>
            <SamplingNote sampling={g.sampling} compact={compact} />
          </Block>
          <Block title={h.goodPractice}>
            <List spacing={compact ? 2 : 4} size={size}>
              {g.goodPractice.map((p) => (
                <List.Item key={p}>{p}</List.Item>
              ))}
            </List>
          </Block>
          <Block title={h.evidence}>
            <Group gap={6}>
              {g.evidence.map((e) => (
                <Badge key={e} variant="light" color="teal" tt="none">
                  {view.vocabulary.evidence[e] ?? e}
                </Badge>
              ))}
            </Group>
          </Block>
          <Block title={compact ? null : 'Who to ask'}>
            <Group gap={6}>
              {compact && (
                <Text size="xs" c="dimmed">
                  Ask:
                </Text>
              )}
              {g.roles.map((r) => (
                <Badge
                  key={r}
                  variant={compact ? 'outline' : 'light'}
                  color="grape"
                  tt="none"
                  size={compact ? 'sm' : undefined}
                >
                  {view.vocabulary.roles[r] ?? r}
                </Badge>
              ))}
            </Group>
          </Block>
          <Block title={h.nonconformity}>
            <NonconformityExamples nonconformity={g.nonconformity} compact={compact} />
          </Block>
          {g.pitfalls.length > 0 && (
            <Block title={h.pitfalls}>
              <List spacing={compact ? 2 : 4} size={size}>
                {g.pitfalls.map((p) => (
                  <List.Item key={p}>{p}</List.Item>
                ))}
              </List>
            </Block>
          )}
        </>
      )}
      {links.length > 0 && (
        <Block title={h.links}>
          {links.map((l) => (
            <Text key={l.topic} size="sm">
              {l.refs
                .filter((r) => r !== requirement.ref)
                .map((r, i) => (
                  <span key={r}>
                    {i > 0 && ', '}
                    {renderRef(r)}
                  </span>
                ))}
              {' — '}
              <Text span inherit c={compact ? 'dimmed' : undefined}>
                {l.reason}
              </Text>
            </Text>
          ))}
        </Block>
      )}
    </>
  );
}
