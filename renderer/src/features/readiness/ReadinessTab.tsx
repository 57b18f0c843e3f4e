import { useEffect, useState } from 'react';
import {
  Anchor,
  Badge,
  Grid,
  Group,
  Loader,
  Paper,
  RingProgress,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { ReadinessView } from '../../../../shared/contracts/readiness';
import { findingGradeLabels, findingGrades } from '../../../../shared/domain/assessment';
import { verdictLabels } from '../../../../shared/rules/readiness';
import { documentStatusLabels } from '../../../../shared/rules/documented-information';
import { errorMessage } from '../../api/error-message';
import { href } from '../../router/hash-route';
import { fetchReadiness } from '../../stores/readiness';
import { ErrorAlert } from '../../components/ErrorAlert';
import { EvidenceFreshnessCard } from '../cycle/EvidenceFreshnessCard';
import { documentStatusColours } from '../documents/status';
import { ChecksPanel } from './ChecksPanel';
import { GatesPanel } from './GatesPanel';
import { StageCard } from './StageCard';
import { pct, verdictColours } from './verdict-style';

/** The verdict's first reasons; the stage cards beside it and the gates below list every one. */
const SHOWN_REASONS = 3;

function VerdictCard({ data }: { data: ReadinessView }) {
  return (
    <Paper withBorder p="md" radius="md" h="100%" aria-label="Verdict">
      <Group wrap="nowrap">
        <RingProgress
          size={140}
          thickness={14}
          roundCaps
          sections={[
            { value: (data.overall.score ?? 0) * 100, color: verdictColours[data.verdict] },
          ]}
          label={
            <Text ta="center" fw={700} size="xl">
              {pct(data.overall.score)}
            </Text>
          }
        />
        <Stack gap={6}>
          <Badge size="lg" color={verdictColours[data.verdict]} data-verdict={data.verdict}>
            {verdictLabels[data.verdict]}
          </Badge>
          <Text size="sm">Clauses 4–10: {pct(data.clauses.score)}</Text>
          <Text size="sm">Annex A controls: {pct(data.controls.score)}</Text>
          <Text size="sm" c="dimmed">
            {Math.round(data.overall.coverage * 100)} % assessed
          </Text>
        </Stack>
      </Group>
      <Stack gap={2} mt="sm" aria-label="Why">
        {data.reasons.slice(0, SHOWN_REASONS).map((r) => (
          <Text key={r} size="sm">
            {r}
          </Text>
        ))}
        {data.reasons.length > SHOWN_REASONS && (
          <Text size="xs" c="dimmed">
            … and {data.reasons.length - SHOWN_REASONS} more: each stage and gate lists its own.
          </Text>
        )}
      </Stack>
    </Paper>
  );
}

function FindingsByGrade({ data }: { data: ReadinessView }) {
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Title order={5} mb="xs">
        Findings by grade
      </Title>
      <Table aria-label="Findings by grade">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Grade</Table.Th>
            <Table.Th>Open</Table.Th>
            <Table.Th>Closed</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {findingGrades.map((g) => (
            <Table.Tr key={g}>
              <Table.Td>{findingGradeLabels[g]}</Table.Td>
              <Table.Td fw={data.findings[g].open > 0 && g === 'major' ? 700 : undefined}>
                {data.findings[g].open}
              </Table.Td>
              <Table.Td>{data.findings[g].closed}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

/** The required items not in place, most of the register being in order, with a way to it. */
function DocumentsSummary({ data, assessmentId }: { data: ReadinessView; assessmentId: string }) {
  const required = data.documents.filter((d) => d.required);
  const open = required.filter((d) => d.status !== 'in-place');
  return (
    <Paper withBorder p="md" radius="md" h="100%">
      <Group justify="space-between" mb="xs">
        <Title order={5}>Mandatory documented information</Title>
        <Anchor href={href('assessments', assessmentId, 'documents')} size="sm">
          Open the register
        </Anchor>
      </Group>
      <Text size="sm" mb="xs">
        {required.length - open.length} of {required.length} required items in place
      </Text>
      <Table aria-label="Mandatory documented information not in place" verticalSpacing={4}>
        <Table.Tbody>
          {open.map((d) => (
            <Table.Tr key={d.key}>
              <Table.Td>
                <Text size="sm">{d.label}</Text>
                <Text size="xs" c="dimmed">
                  {d.countsAgainst} · stage {d.stage}
                </Text>
              </Table.Td>
              <Table.Td>
                <Badge color={documentStatusColours[d.status]} variant="light">
                  {documentStatusLabels[d.status]}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}

export function ReadinessTab({ assessment }: { assessment: Assessment }) {
  const [data, setData] = useState<ReadinessView | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    fetchReadiness(assessment.id)
      .then((r) => live && setData(r))
      .catch((e: unknown) => live && setError(errorMessage(e)));
    return () => {
      live = false;
    };
  }, [assessment.id, assessment.updatedAt]);

  if (error) return <ErrorAlert message={error} />;
  if (!data) return <Loader aria-label="Computing readiness" />;
  const chart = (areas: ReadinessView['sections']) =>
    areas.map((s) => ({
      area: s.area,
      score: s.score === null ? 0 : Math.round(s.score * 100),
      title: s.title,
    }));
  const clauseSections = data.sections.filter((s) => !s.area.startsWith('A.'));
  const annexSections = data.sections.filter((s) => s.area.startsWith('A.'));

  return (
    <Stack gap="md">
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <VerdictCard data={data} />
        </Grid.Col>
        {data.stages.map((stage) => (
          <Grid.Col key={stage.stage} span={{ base: 12, md: 4 }}>
            <StageCard assessmentId={assessment.id} stage={stage} />
          </Grid.Col>
        ))}
      </Grid>
      <GatesPanel data={data} />
      <ChecksPanel checks={data.checks} />
      <Grid gap="md">
        <Grid.Col span={{ base: 12, md: 4 }}>
          <FindingsByGrade data={data} />
        </Grid.Col>
        <Grid.Col span={{ base: 12, md: 8 }}>
          <DocumentsSummary data={data} assessmentId={assessment.id} />
        </Grid.Col>
      </Grid>
      <Grid gap="md">
        {[
          ['Clauses 4–10', clauseSections],
          ['Annex A areas', annexSections],
        ].map(([label, sections]) => (
          <Grid.Col key={label as string} span={{ base: 12, md: 6 }}>
            <Paper withBorder p="md" radius="md" aria-label={`${label as string} scores`}>
              <Title order={5} mb="sm">
                {label as string}
              </Title>
              <BarChart
                h={220}
                data={chart(sections as ReadinessView['sections'])}
                dataKey="area"
                series={[{ name: 'score', label: 'Score %', color: 'indigo.6' }]}
                yAxisProps={{ domain: [0, 100] }}
                withTooltip
              />
            </Paper>
          </Grid.Col>
        ))}
      </Grid>
      <EvidenceFreshnessCard assessment={assessment} />
    </Stack>
  );
}
