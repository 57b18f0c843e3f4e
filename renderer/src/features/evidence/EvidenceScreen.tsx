import { useEffect, useState } from 'react';
import { Loader, Paper, Select, Stack, Tabs } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { useEngagements } from '../../stores/engagements';
import { useEvidence } from '../../stores/evidence';
import { navigate } from '../../router/hash-route';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceDropzone } from './EvidenceDropzone';
import { EvidenceFilters } from './EvidenceFilters';
import { EvidenceTable } from './EvidenceTable';
import { RequestListView } from './RequestListView';
import { RequirementEvidencePanel } from './RequirementEvidencePanel';
import { UploadList } from './UploadList';

/** The evidence vault of one engagement: files in, filters, details, and the request list. */
export function EvidenceScreen({ engagementId: routeId }: { engagementId?: string }) {
  const engagements = useEngagements();
  const evidence = useEvidence();
  const [open, setOpen] = useState<string | null>(null);
  const { load: loadEngagements } = engagements;
  const { setEngagement, engagementId } = evidence;

  useEffect(() => {
    void loadEngagements();
  }, [loadEngagements]);

  // The route names the engagement; without one, the most recent engagement is shown.
  const chosen = routeId ?? engagements.items[0]?.id ?? null;
  useEffect(() => {
    if (chosen && chosen !== engagementId) setEngagement(chosen);
  }, [chosen, engagementId, setEngagement]);

  const header = (
    <PageHeader
      title="Evidence"
      subtitle="Files the client provides, stored unaltered under their SHA-256 and linked to what they prove."
    />
  );
  if (engagements.status === 'error' && engagements.error)
    return (
      <>
        {header}
        <ErrorAlert message={engagements.error} onRetry={() => void loadEngagements()} />
      </>
    );
  if (engagements.status !== 'ready')
    return (
      <>
        {header}
        <Loader aria-label="Loading engagements" />
      </>
    );
  if (engagements.items.length === 0) {
    return (
      <>
        {header}
        <Paper withBorder radius="md">
          <EmptyState icon={<IconFolders size={28} />} title="No engagement yet">
            Evidence belongs to an engagement. Create one under Engagements first.
          </EmptyState>
        </Paper>
      </>
    );
  }

  return (
    <>
      {header}
      <Stack gap="md">
        <Select
          label="Engagement"
          allowDeselect={false}
          data={engagements.items.map((e) => ({ value: e.id, label: e.clientName }))}
          value={chosen}
          onChange={(id) => id && navigate('evidence', id)}
          maw={420}
        />
        {chosen && (
          <Tabs defaultValue="files" keepMounted={false}>
            <Tabs.List>
              <Tabs.Tab value="files">Files</Tabs.Tab>
              <Tabs.Tab value="requests">Request list</Tabs.Tab>
            </Tabs.List>
            <Tabs.Panel value="files" pt="md">
              <Stack gap="md">
                {evidence.filters.requirementId ? (
                  // Filtered to one requirement: files dropped here are attached to it, as in
                  // the interview.
                  <RequirementEvidencePanel
                    engagementId={chosen}
                    requirementId={evidence.filters.requirementId}
                  />
                ) : (
                  <>
                    <EvidenceDropzone engagementId={chosen} />
                    <UploadList />
                  </>
                )}
                <EvidenceFilters />
                {evidence.status === 'error' && evidence.error && (
                  <ErrorAlert message={evidence.error} onRetry={() => void evidence.load()} />
                )}
                {evidence.status === 'ready' && evidence.items.length === 0 && (
                  <Paper withBorder radius="md">
                    <EmptyState icon={<IconFolders size={28} />} title="No evidence here">
                      {Object.values(evidence.filters).some(Boolean)
                        ? 'Nothing matches these filters.'
                        : 'Drop the files the client gave you above, or choose them. Nothing is sent anywhere: they are copied into the vault on this machine.'}
                    </EmptyState>
                  </Paper>
                )}
                {evidence.items.length > 0 && (
                  <Paper withBorder radius="md">
                    <EvidenceTable items={evidence.items} onOpen={setOpen} />
                  </Paper>
                )}
              </Stack>
            </Tabs.Panel>
            <Tabs.Panel value="requests" pt="md">
              <RequestListView engagementId={chosen} />
            </Tabs.Panel>
          </Tabs>
        )}
      </Stack>
      <EvidenceDrawer itemId={open} onClose={() => setOpen(null)} />
    </>
  );
}
