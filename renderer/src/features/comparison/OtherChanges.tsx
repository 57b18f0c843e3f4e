import { Badge, Stack, Table, Text, Title } from '@mantine/core';
import type { ComparedFinding, Comparison } from '../../../../shared/contracts/comparison';
import { implementationStatusLabels } from '../../../../shared/domain/assessment';
import {
  riskChangeLabels,
  soaChangeLabels,
  type SoaDecision,
} from '../../../../shared/rules/comparison';
import { formatDate } from '../../format';
import { FindingStatusBadge, GradeBadge } from '../findings/GradeBadge';
import { riskChangeColours, soaChangeColours } from './labels';

function FindingList({ title, findings }: { title: string; findings: ComparedFinding[] }) {
  return (
    <Stack gap={4} component="section" aria-label={title}>
      <Title order={5}>
        {title} ({findings.length})
      </Title>
      {findings.length === 0 ? (
        <Text size="sm" c="dimmed">
          None.
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" verticalSpacing={4}>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Finding</Table.Th>
                <Table.Th>Grade</Table.Th>
                <Table.Th>Statement</Table.Th>
                <Table.Th>Status</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {findings.map((f) => (
                <Table.Tr key={f.id}>
                  <Table.Td>
                    <Text size="sm" fw={600}>
                      {f.ref}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {f.assessmentTitle} · {f.requirementRef}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <GradeBadge grade={f.grade} />
                  </Table.Td>
                  <Table.Td>{f.statement}</Table.Td>
                  <Table.Td>
                    <FindingStatusBadge status={f.status} />
                    {f.closedAt && (
                      <Text size="xs" c="dimmed">
                        {formatDate(f.closedAt)}
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}

/** Findings raised and closed between the two moments, and those open at both. */
export function FindingChanges({ comparison }: { comparison: Comparison }) {
  return (
    <Stack gap="md" mt="sm">
      <FindingList title="Opened between them" findings={comparison.findings.opened} />
      <FindingList title="Closed between them" findings={comparison.findings.closed} />
      <FindingList title="Open at both" findings={comparison.findings.stillOpen} />
    </Stack>
  );
}

const decision = (d: SoaDecision | null) =>
  d
    ? d.applicable
      ? `Applicable — ${implementationStatusLabels[d.implementationStatus].toLowerCase()}`
      : 'Excluded'
    : 'Not decided';

export function SoaChanges({ comparison }: { comparison: Comparison }) {
  if (comparison.soa.length === 0) {
    return (
      <Text size="sm" c="dimmed" mt="sm">
        No Statement of Applicability decision changed.
      </Text>
    );
  }
  return (
    <Table.ScrollContainer minWidth={720} mt="sm">
      <Table fz="sm" verticalSpacing={4} aria-label="SoA changes">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Control</Table.Th>
            <Table.Th>Change</Table.Th>
            <Table.Th>{comparison.before.title}</Table.Th>
            <Table.Th>{comparison.after.title}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {comparison.soa.map((s) => (
            <Table.Tr key={s.ref}>
              <Table.Td>
                <Text span ff="monospace" size="sm">
                  {s.ref}
                </Text>{' '}
                {s.title}
              </Table.Td>
              <Table.Td>
                <Badge color={soaChangeColours[s.change]} variant="light" tt="none">
                  {soaChangeLabels[s.change]}
                </Badge>
              </Table.Td>
              <Table.Td>{decision(s.before)}</Table.Td>
              <Table.Td>
                {decision(s.after)}
                {s.change === 'justification' && s.after && (
                  <Text size="xs" c="dimmed" lineClamp={2}>
                    {s.after.justification}
                  </Text>
                )}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

export function RiskChanges({ comparison }: { comparison: Comparison }) {
  const r = comparison.risks;
  const level = (l: { score: number; band: string } | null) => (l ? `${l.band} (${l.score})` : '—');
  const listedAddRemove = r.changes.filter((c) => c.change === 'added' || c.change === 'removed');
  const hidden = r.counts.added + r.counts.removed - listedAddRemove.length;
  return (
    <Stack gap="xs" mt="sm">
      <Text size="sm">
        {r.before} risks then, {r.after} now: {r.counts.raised} raised, {r.counts.lowered} lowered,{' '}
        {r.counts.added} added, {r.counts.removed} removed.
        {hidden > 0 && ` The first ${r.listLimit} added and removed are listed.`}
      </Text>
      {r.changes.length > 0 && (
        <Table.ScrollContainer minWidth={720}>
          <Table fz="sm" verticalSpacing={4} aria-label="Risk level changes">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Risk</Table.Th>
                <Table.Th>Change</Table.Th>
                <Table.Th>Level then</Table.Th>
                <Table.Th>Level now</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.changes.map((c) => (
                <Table.Tr key={c.riskId}>
                  <Table.Td>
                    <Text span fw={600} size="sm">
                      {c.ref}
                    </Text>{' '}
                    {c.title}
                  </Table.Td>
                  <Table.Td>
                    <Badge color={riskChangeColours[c.change]} variant="light" tt="none">
                      {riskChangeLabels[c.change]}
                    </Badge>
                  </Table.Td>
                  <Table.Td>{level(c.before)}</Table.Td>
                  <Table.Td>{level(c.after)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Stack>
  );
}
