import { useEffect, useMemo } from 'react';
import {
  Accordion,
  Badge,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
  Tooltip,
} from '@mantine/core';
import { BarChart } from '@mantine/charts';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { nistCoverageLevels } from '../../../../shared/rules/nist-coverage';
import { resultLabels } from '../../../../shared/domain/assessment';
import { useNistCoverage } from '../../stores/nist-coverage';
import { ErrorAlert } from '../../components/ErrorAlert';
import { relationLabel } from '../crosswalks/labels';
import { levelColours, levelHelp, levelLabels } from './levels';

/**
 * How far the assessment's answers support the NIST AI RMF, function by function and category by
 * category, through our crosswalk: a stacked bar per category and the subcategories behind it.
 */
export function NistCoverageTab({ assessment }: { assessment: Assessment }) {
  const { coverage, error, load } = useNistCoverage();
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  const data = useMemo(
    () =>
      (coverage?.functions ?? []).flatMap((fn) =>
        fn.categories.map((c) => ({ category: c.id, ...c.counts })),
      ),
    [coverage],
  );

  if (error) return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (!coverage || coverage.assessmentId !== assessment.id)
    return <Loader aria-label="Loading NIST AI RMF coverage" />;

  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed" maw={820}>
        How far this ISO/IEC 42001 assessment supports the 72 subcategories of the NIST AI RMF 1.0,
        through our crosswalk. A subcategory counts as supported when a requirement that is
        equivalent to it or covers part of it is conformant; a score counts supported in full and
        partly supported as half.
      </Text>
      <SimpleGrid cols={5}>
        <Paper withBorder p="sm" radius="md">
          <Text size="xs" c="dimmed">
            Overall
          </Text>
          <Text size="xl" fw={700}>
            {coverage.score} %
          </Text>
        </Paper>
        {coverage.functions.map((fn) => (
          <Paper key={fn.id} withBorder p="sm" radius="md" aria-label={`${fn.title} coverage`}>
            <Text size="xs" c="dimmed">
              {fn.title}
            </Text>
            <Text size="xl" fw={700}>
              {fn.score} %
            </Text>
            <Text size="xs" c="dimmed">
              {fn.counts.supported} supported · {fn.counts.partly} partly of{' '}
              {fn.counts.supported + fn.counts.partly + fn.counts.unsupported + fn.counts.unmapped}
            </Text>
          </Paper>
        ))}
      </SimpleGrid>
      <Paper withBorder p="md" radius="md" aria-label="NIST AI RMF coverage chart">
        <Title order={5} mb="sm">
          Subcategories per category
        </Title>
        <BarChart
          h={560}
          data={data}
          dataKey="category"
          type="stacked"
          orientation="vertical"
          withLegend
          legendProps={{ verticalAlign: 'top', height: 40 }}
          withTooltip
          series={nistCoverageLevels.map((level) => ({
            name: level,
            label: levelLabels[level],
            color: levelColours[level],
          }))}
          yAxisProps={{ width: 110 }}
          xAxisLabel="Subcategories"
        />
      </Paper>
      <Accordion multiple variant="separated" aria-label="NIST AI RMF categories">
        {coverage.functions.flatMap((fn) =>
          fn.categories.map((c) => (
            <Accordion.Item key={c.id} value={c.id}>
              <Accordion.Control>
                <Group justify="space-between" wrap="nowrap">
                  <Text size="sm" lineClamp={1}>
                    <Text span fw={700}>
                      {c.id}
                    </Text>{' '}
                    {c.title}
                  </Text>
                  <Badge variant="light" tt="none">
                    {c.score} %
                  </Badge>
                </Group>
              </Accordion.Control>
              <Accordion.Panel>
                <Table verticalSpacing={4} fz="sm">
                  <Table.Tbody>
                    {c.subcategories.map((sub) => (
                      <Table.Tr key={sub.id}>
                        <Table.Td w={110} fw={600}>
                          {sub.id}
                        </Table.Td>
                        <Table.Td>
                          <Text size="sm">{sub.title}</Text>
                          <Text size="xs" c="dimmed">
                            {sub.requirements.length === 0
                              ? 'No related ISO/IEC 42001 requirement.'
                              : sub.requirements
                                  .map(
                                    (r) =>
                                      `${r.ref} (${relationLabel[r.relation].toLowerCase()}): ${
                                        r.result === null
                                          ? 'does not count'
                                          : resultLabels[r.result]
                                      }`,
                                  )
                                  .join(' · ')}
                          </Text>
                        </Table.Td>
                        <Table.Td w={190}>
                          <Tooltip label={levelHelp[sub.level]} multiline w={260}>
                            <Badge
                              color={levelColours[sub.level].split('.')[0]}
                              variant="light"
                              tt="none"
                            >
                              {levelLabels[sub.level]}
                            </Badge>
                          </Tooltip>
                        </Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              </Accordion.Panel>
            </Accordion.Item>
          )),
        )}
      </Accordion>
    </Stack>
  );
}
