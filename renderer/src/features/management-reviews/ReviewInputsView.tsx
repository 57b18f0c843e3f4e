import type { ReactNode } from 'react';
import { Badge, List, Paper, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import type { ReviewInputs } from '../../../../shared/contracts/management-reviews';
import { findingGradeLabels } from '../../../../shared/domain/assessment';
import { actionStatusLabels, actionStatuses } from '../../../../shared/rules/corrective-actions';
import { formatDate } from '../../format';

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={title}>
      <Title order={4} mb="xs">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

const None = ({ children }: { children: ReactNode }) => (
  <Text size="sm" c="dimmed">
    {children}
  </Text>
);

/** Readiness scores are fractions (0–1). */
const percent = (score: number | null) => (score === null ? '—' : `${Math.round(score * 100)} %`);

/**
 * The review inputs Assay compiled from its own records (9.3), as sections the meeting walks
 * through. A held review shows the inputs frozen when it was held.
 */
export function ReviewInputsView({ inputs }: { inputs: ReviewInputs }) {
  const { correctiveActions: ca, risks } = inputs;
  return (
    <Stack gap="md">
      <Text size="sm" c="dimmed">
        Compiled {formatDate(inputs.compiledAt.slice(0, 10))} from Assay’s records
        {inputs.since
          ? ` since the review held ${formatDate(inputs.since)}`
          : ' (no earlier review)'}
        .
      </Text>
      <Section title="Actions from previous reviews">
        {inputs.previousActions.length === 0 ? (
          <None>No earlier review recorded decisions or actions.</None>
        ) : (
          <Table fz="sm" aria-label="Actions from previous reviews">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Decision or action</Table.Th>
                <Table.Th>Owner</Table.Th>
                <Table.Th>Due</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inputs.previousActions.map((a, i) => (
                <Table.Tr key={i}>
                  <Table.Td>
                    {a.text}
                    <Text size="xs" c="dimmed">
                      {a.review}
                    </Text>
                  </Table.Td>
                  <Table.Td>{a.owner || '—'}</Table.Td>
                  <Table.Td>{a.dueDate ? formatDate(a.dueDate) : '—'}</Table.Td>
                  <Table.Td>
                    <Badge
                      tt="none"
                      variant="light"
                      color={a.status === 'done' ? 'green' : a.overdue ? 'red' : 'blue'}
                    >
                      {a.status === 'done' ? 'Done' : a.overdue ? 'Overdue' : 'Open'}
                    </Badge>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Nonconformities and findings">
          <Table fz="sm" aria-label="Findings by grade">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Raised</Table.Th>
                <Table.Th>Closed</Table.Th>
                <Table.Th>Open now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {inputs.findings.map((f) => (
                <Table.Tr key={f.grade}>
                  <Table.Td>{findingGradeLabels[f.grade]}</Table.Td>
                  <Table.Td>{f.raised}</Table.Td>
                  <Table.Td>{f.closed}</Table.Td>
                  <Table.Td>{f.open}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Section>
        <Section title="Corrective actions">
          <List size="sm" spacing={2}>
            {actionStatuses.map((s) => (
              <List.Item key={s}>
                {actionStatusLabels[s]}: {ca.byStatus[s] ?? 0}
              </List.Item>
            ))}
          </List>
          <Text
            size="sm"
            mt={6}
            fw={ca.overdue > 0 ? 700 : undefined}
            c={ca.overdue > 0 ? 'red.8' : undefined}
          >
            {ca.overdue} overdue
          </Text>
        </Section>
      </SimpleGrid>
      <Section title="Audit results">
        {inputs.audits.length === 0 ? (
          <None>No internal audit completed in the period.</None>
        ) : (
          <List size="sm" spacing={4}>
            {inputs.audits.map((a, i) => (
              <List.Item key={i}>
                <Text span fw={600}>
                  {a.title}
                </Text>
                {a.heldFrom ? ` (${formatDate(a.heldFrom)})` : ''}:{' '}
                {a.conclusion || 'no conclusion recorded'}
                {a.independenceIssues > 0 ? ` · ${a.independenceIssues} independence issue(s)` : ''}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
      <SimpleGrid cols={{ base: 1, md: 2 }}>
        <Section title="Monitoring: readiness over the cycles">
          {inputs.readiness.length === 0 ? (
            <None>No assessment yet.</None>
          ) : (
            <List size="sm" spacing={2}>
              {inputs.readiness.map((p) => (
                <List.Item key={p.id}>
                  {p.title}: {percent(p.score)}, {p.openFindings} open finding(s)
                </List.Item>
              ))}
            </List>
          )}
        </Section>
        <Section title="Risks and impact assessments">
          <Text size="sm">
            {risks.total} risk(s) on the register
            {risks.byBand.length > 0
              ? `: ${risks.byBand.map((b) => `${b.count} ${b.band}`).join(', ')}`
              : ''}
            .
          </Text>
          <Text size="sm">
            Since the last review: {risks.added} added, {risks.removed} removed, {risks.raised}{' '}
            raised, {risks.lowered} lowered; {inputs.impactAssessmentsChanged} impact-assessment
            change(s).
          </Text>
        </Section>
      </SimpleGrid>
      <Section title="Opportunities for improvement">
        {inputs.opportunities.length === 0 ? (
          <None>No open improvement finding.</None>
        ) : (
          <List size="sm" spacing={2}>
            {inputs.opportunities.map((o) => (
              <List.Item key={`${o.ref}:${o.statement}`}>
                <Text span ff="monospace" fw={700}>
                  {o.ref}
                </Text>{' '}
                {o.statement}
              </List.Item>
            ))}
          </List>
        )}
      </Section>
    </Stack>
  );
}
