import { useEffect, useMemo, useState } from 'react';
import {
  Anchor,
  Badge,
  Group,
  Loader,
  Paper,
  Select,
  SimpleGrid,
  Stack,
  Tabs,
  Text,
  Title,
} from '@mantine/core';
import { IconArrowRight } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Comparison, TrendPoint } from '../../../../shared/contracts/comparison';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EmptyState } from '../../components/EmptyState';
import { href, navigate } from '../../router/hash-route';
import { fetchAssessmentsOf } from '../../stores/assessments';
import { fetchComparison, fetchTrend } from '../../stores/comparison';
import { FindingChanges, RiskChanges, SoaChanges } from './OtherChanges';
import { RequirementChanges } from './RequirementChanges';
import { TrendChart } from './TrendChart';
import { delta, pct } from './labels';

interface Props {
  engagementId: string;
  a?: string;
  b?: string;
}

/** Oldest first, so the default pair is the last two cycles. */
const byCreation = (list: Assessment[]) =>
  [...list].sort((x, y) => x.createdAt.localeCompare(y.createdAt));

function Summary({ c }: { c: Comparison }) {
  const stat = (label: string, value: string, note?: string) => (
    <Paper withBorder p="sm" radius="md">
      <Text size="xs" c="dimmed" tt="uppercase" fw={700}>
        {label}
      </Text>
      <Text fw={700} size="lg">
        {value}
      </Text>
      {note && <Text size="xs">{note}</Text>}
    </Paper>
  );
  return (
    <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} aria-label="Summary">
      {stat(
        'Readiness',
        `${pct(c.before.score)} → ${pct(c.after.score)}`,
        `${delta(c.before.score, c.after.score)} · ${verdictLabels[c.before.verdict]} → ${verdictLabels[c.after.verdict]}`,
      )}
      {stat(
        'Requirements',
        `${c.counts.improved} improved · ${c.counts.worsened} worsened`,
        `${c.counts.unchanged} unchanged · ${c.counts.new} new · ${c.counts['not-compared']} not compared`,
      )}
      {stat(
        'Findings',
        `${c.findings.opened.length} opened · ${c.findings.closed.length} closed`,
        `${c.findings.stillOpen.length} open at both`,
      )}
      {stat(
        'SoA and risks',
        `${c.soa.length} SoA change${c.soa.length === 1 ? '' : 's'}`,
        `risk levels: ${c.risks.counts.raised} raised · ${c.risks.counts.lowered} lowered · ${c.risks.counts.added} added`,
      )}
    </SimpleGrid>
  );
}

/**
 * What changed between two assessments of an engagement, and the readiness trend over all of
 * them. The route names the pair, so a comparison can be bookmarked and shared on one machine.
 */
export function CompareScreen({ engagementId, a, b }: Props) {
  const [assessments, setAssessments] = useState<Assessment[] | null>(null);
  const [trend, setTrend] = useState<TrendPoint[] | null>(null);
  const [result, setResult] = useState<{ key: string; value: Comparison } | null>(null);
  const [failed, setFailed] = useState<{ key: string; message: string } | null>(null);
  const [tab, setTab] = useState<string | null>('requirements');

  useEffect(() => {
    let live = true;
    Promise.all([fetchAssessmentsOf(engagementId), fetchTrend(engagementId)])
      .then(([list, points]) => {
        if (!live) return;
        setAssessments(byCreation(list));
        setTrend(points);
      })
      .catch((e: unknown) => live && setFailed({ key: 'list', message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [engagementId]);

  // Without a pair in the route: the two most recent cycles.
  const pair = useMemo(() => {
    if (a && b) return { a, b };
    const list = assessments ?? [];
    const last = list[list.length - 1];
    const before = list[list.length - 2];
    return last && before ? { a: before.id, b: last.id } : null;
  }, [a, b, assessments]);
  const key = pair ? `${pair.a}:${pair.b}` : '';

  useEffect(() => {
    if (!pair) return;
    let live = true;
    fetchComparison(pair.a, pair.b)
      .then((value) => live && setResult({ key, value }))
      .catch((e: unknown) => live && setFailed({ key, message: errorMessage(e) }));
    return () => {
      live = false;
    };
  }, [pair, key]);

  if (failed && (failed.key === 'list' || failed.key === key))
    return <ErrorAlert message={failed.message} />;
  if (!assessments || !trend) return <Loader aria-label="Loading the cycles" />;
  const clientName = assessments[0]?.clientName ?? '';
  const options = assessments.map((x) => ({ value: x.id, label: x.title }));
  const comparison = result?.key === key ? result.value : null;
  const choose = (side: 'a' | 'b', id: string | null) => {
    if (!id || !pair) return;
    navigate('compare', engagementId, side === 'a' ? id : pair.a, side === 'b' ? id : pair.b);
  };

  return (
    <Stack gap="md">
      <Stack gap={2}>
        <Anchor href={href('engagements', engagementId)} size="sm">
          ← {clientName || 'Engagement'}
        </Anchor>
        <Title order={2}>What changed</Title>
        <Text c="dimmed" size="sm">
          Two assessments of {clientName} side by side; the older one is always on the left.
        </Text>
      </Stack>
      {assessments.length < 2 || !pair ? (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconArrowRight size={28} />} title="Nothing to compare yet">
            A comparison needs two assessments of this engagement. Make this one final and start the
            next assessment from it.
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Group align="flex-end" gap="sm">
            <Select
              label="Before"
              data={options}
              value={comparison?.before.id ?? pair.a}
              onChange={(v) => choose('a', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 360 }}
            />
            <IconArrowRight size={18} aria-hidden style={{ marginBottom: 10 }} />
            <Select
              label="After"
              data={options}
              value={comparison?.after.id ?? pair.b}
              onChange={(v) => choose('b', v)}
              allowDeselect={false}
              w={{ base: '100%', sm: 360 }}
            />
            {comparison && (
              <Badge variant="light" color="gray" tt="none" mb={6}>
                {comparison.after.finalisedAt
                  ? 'both final'
                  : `${comparison.after.title} in progress`}
              </Badge>
            )}
          </Group>
          {!comparison ? (
            <Loader aria-label="Comparing" />
          ) : (
            <>
              <Summary c={comparison} />
              <Tabs value={tab} onChange={setTab} keepMounted={false}>
                <Tabs.List>
                  <Tabs.Tab value="requirements">Requirements</Tabs.Tab>
                  <Tabs.Tab value="findings">Findings</Tabs.Tab>
                  <Tabs.Tab value="soa">Statement of Applicability</Tabs.Tab>
                  <Tabs.Tab value="risks">Risk levels</Tabs.Tab>
                </Tabs.List>
                <Tabs.Panel value="requirements">
                  <RequirementChanges comparison={comparison} />
                </Tabs.Panel>
                <Tabs.Panel value="findings">
                  <FindingChanges comparison={comparison} />
                </Tabs.Panel>
                <Tabs.Panel value="soa">
                  <SoaChanges comparison={comparison} />
                </Tabs.Panel>
                <Tabs.Panel value="risks">
                  <RiskChanges comparison={comparison} />
                </Tabs.Panel>
              </Tabs>
            </>
          )}
        </>
      )}
      <TrendChart points={trend} />
    </Stack>
  );
}
