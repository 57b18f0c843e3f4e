import { Alert, Loader, Paper, Tabs } from '@mantine/core';
import { IconBriefcase } from '@tabler/icons-react';
import { navigate } from '../../router/hash-route';
import { useRisks } from '../../stores/risks';
import { useEngagements } from '../../stores/engagements';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EngagementSelect } from './EngagementSelect';
import { AiSystemsTab } from './AiSystemsTab';
import { RegisterTab } from './RegisterTab';
import { CriteriaTab } from './CriteriaTab';
import { ImpactAssessmentsTab } from './ImpactAssessmentsTab';

const tabs = [
  { value: 'systems', label: 'AI systems' },
  { value: 'register', label: 'Risk register' },
  { value: 'criteria', label: 'Criteria' },
  { value: 'impact', label: 'Impact assessments' },
];

export function RisksScreen({ tab }: { tab?: string }) {
  const active = tabs.some((t) => t.value === tab) ? (tab as string) : 'register';
  const { engagementId, status, error, reload, criteria } = useRisks();
  const engagements = useEngagements();
  const noEngagements = engagements.status === 'ready' && engagements.items.length === 0;

  return (
    <>
      <PageHeader
        title="Risks"
        subtitle="AI system inventory, risk criteria, the AI risk register with its treatment, and impact assessments (ISO/IEC 42001 6.1.2–6.1.4, 8.2–8.4, A.5)."
        actions={<EngagementSelect />}
      />
      {noEngagements && (
        <Paper withBorder radius="md">
          <EmptyState icon={<IconBriefcase size={28} />} title="No engagement to work on">
            Risks belong to an engagement. Create one under Engagements first.
          </EmptyState>
        </Paper>
      )}
      {status === 'error' && error && <ErrorAlert message={error} onRetry={() => void reload()} />}
      {engagementId && !noEngagements && (
        <Tabs
          value={active}
          onChange={(value) => value && navigate('risks', value)}
          keepMounted={false}
        >
          <Tabs.List mb="md" aria-label="Risk areas">
            {tabs.map((t) => (
              <Tabs.Tab key={t.value} value={t.value}>
                {t.label}
              </Tabs.Tab>
            ))}
          </Tabs.List>
          {criteria && criteria.staleRiskCount > 0 && active !== 'criteria' && (
            <Alert color="yellow" mb="md" title="Levels from older criteria">
              {criteria.staleRiskCount} risk{criteria.staleRiskCount === 1 ? ' was' : 's were'}{' '}
              rated under an older version of the criteria. Their recorded levels are kept until you
              re-rate them on the Criteria tab.
            </Alert>
          )}
          {status === 'loading' && <Loader aria-label="Loading risks" />}
          {status === 'ready' && (
            <>
              <Tabs.Panel value="systems">
                <AiSystemsTab />
              </Tabs.Panel>
              <Tabs.Panel value="register">
                <RegisterTab />
              </Tabs.Panel>
              <Tabs.Panel value="criteria">
                <CriteriaTab />
              </Tabs.Panel>
              <Tabs.Panel value="impact">
                <ImpactAssessmentsTab />
              </Tabs.Panel>
            </>
          )}
        </Tabs>
      )}
    </>
  );
}
