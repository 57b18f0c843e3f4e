import { useEffect, useState } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Group,
  Loader,
  Paper,
  SimpleGrid,
  Stack,
  Table,
  Text,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconScale } from '@tabler/icons-react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import { euAiActRoleLabels } from '../../../../shared/domain/eu-ai-act';
import { errorMessage } from '../../api/error-message';
import { useEuAiAct } from '../../stores/eu-ai-act';
import { href } from '../../router/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { StatTile } from '../../components/StatTile';
import { ObligationCard } from './ObligationCard';
import { RiskClassBadge } from './RiskClassBadge';

/**
 * The EU AI Act seen from the assessment: the obligations the engagement's AI systems give rise
 * to (from each system's role and risk class), the 42001 requirements that help with each and
 * where the assessment stands on them, and, stated plainly, what 42001 does not cover.
 */
export function EuAiActTab({ assessment }: { assessment: Assessment }) {
  const { view, error, load, exportXlsx } = useEuAiAct();
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void load(assessment.id);
  }, [assessment.id, load]);

  if (error) return <ErrorAlert message={error} onRetry={() => void load(assessment.id)} />;
  if (!view || view.assessmentId !== assessment.id)
    return <Loader aria-label="Loading the EU AI Act view" />;

  const systemsLink = href('risks', 'systems');
  if (view.systems.length === 0)
    return (
      <Paper withBorder radius="md">
        <EmptyState
          icon={<IconScale size={28} />}
          title="No AI systems to scope"
          action={
            <Button component="a" href={systemsLink}>
              Add AI systems
            </Button>
          }
        >
          The EU AI Act obligations follow from each AI system: the organisation&apos;s role towards
          it and its risk class. List the systems on the Risks screen and scope them there.
        </EmptyState>
      </Paper>
    );

  const partial = view.obligations.filter((o) => o.coverage === 'partial');
  const none = view.obligations.filter((o) => o.coverage === 'none');
  const unscoped = view.systems.filter((s) => s.gap !== null);

  async function download() {
    setExporting(true);
    try {
      const name = await exportXlsx(assessment.id);
      notifications.show({ color: 'green', message: `Saved ${name}.` });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(e) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <Stack gap="md">
      <Group justify="space-between" align="flex-start">
        <Text size="sm" c="dimmed" maw={760}>
          What the EU AI Act asks of this organisation for its AI systems, and how far this ISO/IEC
          42001 assessment supports it. Obligations and explanations are our plain reading, not
          legal advice; the articles link to the reference catalog.
        </Text>
        <Button
          variant="default"
          leftSection={<IconDownload size={16} />}
          loading={exporting}
          onClick={() => void download()}
          disabled={view.obligations.length === 0}
        >
          Export XLSX
        </Button>
      </Group>
      <Paper withBorder p="md" radius="md">
        <Title order={5} mb="xs">
          AI systems and their scoping
        </Title>
        <Table aria-label="EU AI Act scoping of the AI systems" verticalSpacing={4}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>AI system</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Risk class</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {view.systems.map((s) => (
              <Table.Tr key={s.id}>
                <Table.Td>{s.name}</Table.Td>
                <Table.Td>
                  {s.roles.map((r) => euAiActRoleLabels[r]).join(', ') || (
                    <Text span c="dimmed" size="sm">
                      Not determined
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <RiskClassBadge scoping={s} />
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {unscoped.length > 0 && (
          <Alert color="yellow" mt="sm" title="Scoping not finished">
            {unscoped.map((s) => `${s.name} (${s.gap})`).join('; ')}: their obligations are not
            listed until role and risk class are set.{' '}
            <Anchor href={systemsLink}>Scope them on the Risks screen</Anchor>.
          </Alert>
        )}
      </Paper>
      <SimpleGrid cols={3}>
        <StatTile label="Obligations that apply" value={view.obligations.length} />
        <StatTile label="ISO/IEC 42001 covers part" value={partial.length} />
        <StatTile label="Not covered by ISO/IEC 42001" value={none.length} />
      </SimpleGrid>
      {view.obligations.length === 0 && (
        <Text c="dimmed">
          No obligation follows from the systems as scoped (minimal-risk systems, or roles the Act
          does not burden).
        </Text>
      )}
      {partial.length > 0 && (
        <Stack gap="sm" aria-label="Obligations ISO/IEC 42001 helps with">
          <Title order={4}>Obligations ISO/IEC 42001 helps with</Title>
          {partial.map((o) => (
            <ObligationCard key={o.id} assessmentId={assessment.id} obligation={o} />
          ))}
        </Stack>
      )}
      {none.length > 0 && (
        <Stack gap="sm" aria-label="Obligations ISO/IEC 42001 does not cover">
          <Title order={4}>Obligations ISO/IEC 42001 does not cover</Title>
          <Text size="sm" c="dimmed">
            Conforming to ISO/IEC 42001 does not meet these. Some 42001 requirements may help, as
            listed; the work itself has to be done under the Act.
          </Text>
          {none.map((o) => (
            <ObligationCard key={o.id} assessmentId={assessment.id} obligation={o} />
          ))}
        </Stack>
      )}
    </Stack>
  );
}
