import { useState } from 'react';
import { Anchor, Badge, Button, Group, Paper, Stack, Table, Text, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconLink } from '@tabler/icons-react';
import type { ReuseRequirement } from '../../../../shared/contracts/iso27001';
import { implementationStatusLabels, resultLabels } from '../../../../shared/domain/assessment';
import { errorMessage } from '../../api/error-message';
import { href } from '../../router/hash-route';
import { useIso27001 } from '../../stores/iso27001';
import { RelationBadge } from '../crosswalks/RelationBadge';
import { resultColours } from '../interview/result-style';
import { ConfirmSuggestion } from './ConfirmSuggestion';

interface Props {
  assessmentId: string;
  requirement: ReuseRequirement;
  readOnly: boolean;
}

const applicabilityText = (a: 'applicable' | 'not-applicable' | null) =>
  a === 'applicable' ? 'Applicable' : a === 'not-applicable' ? 'Excluded' : '—';

/** One 42001 requirement: what the 27001 sheet says, the answer it suggests, the evidence it names. */
export function ReuseCard({ assessmentId, requirement: r, readOnly }: Props) {
  const linkEvidence = useIso27001((s) => s.linkEvidence);
  const [linking, setLinking] = useState<string | null>(null);

  async function link(evidenceId: string, title: string) {
    setLinking(evidenceId);
    try {
      await linkEvidence(assessmentId, evidenceId, r.requirementId);
      notifications.show({ color: 'green', message: `Linked “${title}” to ${r.ref}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Not linked', message: errorMessage(e) });
    } finally {
      setLinking(null);
    }
  }

  return (
    <Paper withBorder p="md" radius="md" component="article" aria-label={`${r.ref} ${r.title}`}>
      <Stack gap="xs">
        <Group justify="space-between" align="flex-start" wrap="nowrap">
          <Text fw={600}>
            {r.inScope ? (
              <Anchor href={href('assessments', assessmentId, 'interview', r.ref)}>{r.ref}</Anchor>
            ) : (
              r.ref
            )}{' '}
            {r.title}
          </Text>
          <Badge
            variant={r.inScope ? 'light' : 'outline'}
            color={r.inScope ? resultColours[r.result] : 'gray'}
            tt="none"
          >
            {r.inScope ? `Answer: ${resultLabels[r.result]}` : 'Out of scope'}
          </Badge>
        </Group>
        {r.suggestion && (
          <ConfirmSuggestion
            assessmentId={assessmentId}
            requirement={r}
            suggestion={r.suggestion}
            readOnly={readOnly}
          />
        )}
        <Table.ScrollContainer minWidth={560}>
          <Table
            verticalSpacing={4}
            fz="sm"
            aria-label={`ISO/IEC 27001 entries related to ${r.ref}`}
          >
            <Table.Thead>
              <Table.Tr>
                <Table.Th w={70}>27001</Table.Th>
                <Table.Th>Entry and why it relates</Table.Th>
                <Table.Th w={110}>Relation</Table.Th>
                <Table.Th w={200}>The client&apos;s sheet</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {r.related.map((x) => (
                <Table.Tr key={x.ref}>
                  <Table.Td>{x.ref}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{x.title}</Text>
                    <Text size="xs" c="dimmed">
                      {x.rationale}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <RelationBadge relation={x.relation} />
                  </Table.Td>
                  <Table.Td>
                    {x.sheet ? (
                      <Stack gap={2}>
                        <Text size="sm">
                          {applicabilityText(x.sheet.applicability)}
                          {x.sheet.status
                            ? ` · ${implementationStatusLabels[x.sheet.status]}`
                            : x.sheet.statusText
                              ? ` · ${x.sheet.statusText}`
                              : ''}
                        </Text>
                        {(x.sheet.notes || x.sheet.justification) && (
                          <Text size="xs" c="dimmed" lineClamp={3}>
                            {[x.sheet.justification, x.sheet.notes].filter(Boolean).join(' — ')}
                          </Text>
                        )}
                        <Text size="xs" c="dimmed">
                          Sheet row {x.sheet.row}
                        </Text>
                      </Stack>
                    ) : (
                      <Text size="sm" c="dimmed">
                        Not in the sheet
                      </Text>
                    )}
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Table.ScrollContainer>
        {r.evidence.length > 0 && (
          <Stack gap={4} aria-label={`Evidence the 27001 sheet names for ${r.ref}`}>
            <Text size="sm" fw={600}>
              Evidence the 27001 sheet names
            </Text>
            {r.evidence.map((o) => (
              <Group key={`${o.from}-${o.reference}`} gap="xs" wrap="wrap">
                <Text size="sm">
                  “{o.reference}”{' '}
                  <Text span size="xs" c="dimmed">
                    ({o.from})
                  </Text>
                </Text>
                {o.items.length === 0 && (
                  <Text size="xs" c="dimmed">
                    not in the evidence vault yet
                  </Text>
                )}
                {o.items.map((item) =>
                  item.linked ? (
                    <Badge key={item.id} color="green" variant="light" tt="none">
                      {item.title} linked to {r.ref}
                    </Badge>
                  ) : (
                    <Tooltip key={item.id} label={item.originalName}>
                      <Button
                        size="compact-sm"
                        variant="light"
                        leftSection={<IconLink size={14} />}
                        loading={linking === item.id}
                        disabled={readOnly}
                        onClick={() => void link(item.id, item.title)}
                      >
                        Link “{item.title}” to {r.ref}
                      </Button>
                    </Tooltip>
                  ),
                )}
              </Group>
            ))}
          </Stack>
        )}
      </Stack>
    </Paper>
  );
}
