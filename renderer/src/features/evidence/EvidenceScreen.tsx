import { useEffect, useState } from 'react';
import { Paper, Stack, Tabs } from '@mantine/core';
import { IconFolders } from '@tabler/icons-react';
import { useEvidence } from '../../stores/evidence';
import { EmptyState } from '../../components/EmptyState';
import { ErrorAlert } from '../../components/ErrorAlert';
import { PageHeader } from '../../components/PageHeader';
import { EngagementGate, useRouteEngagement } from '../engagements/EngagementGate';
import { EvidenceDrawer } from './EvidenceDrawer';
import { EvidenceDropzone } from './EvidenceDropzone';
import { EvidenceFilters } from './EvidenceFilters';
import { EvidenceTable } from './EvidenceTable';
import { RequestListView } from './RequestListView';
import { RequirementEvidencePanel } from './RequirementEvidencePanel';
import { UploadList } from './UploadList';

/** The vault is per engagement; without one there is nowhere to put a file. */
const engagementGate = {
  route: 'evidence',
  emptyIcon: <IconFolders size={28} />,
  empty: 'Evidence belongs to an engagement. Create one under Engagements first.',
};

/** The evidence vault of one engagement: files in, filters, details, and the request list. */
export function EvidenceScreen({ engagementId: routeId }: { engagementId?: string }) {
  const evidence = useEvidence();
  const [open, setOpen] = useState<string | null>(null);
  const { setEngagement, engagementId } = evidence;
  const chosen = useRouteEngagement(routeId);
  useEffect(() => {
    if (chosen && chosen !== engagementId) setEngagement(chosen);
  }, [chosen, engagementId, setEngagement]);

  return (
    <>
      <PageHeader
        title="Evidence"
        subtitle="Files the client provides, stored unaltered under their SHA-256 and linked to what they prove."
      />
      <EngagementGate chosen={chosen} {...engagementGate}>
        {(id) => (
          <>
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
                      engagementId={id}
                      requirementId={evidence.filters.requirementId}
                    />
                  ) : (
                    <>
                      <EvidenceDropzone engagementId={id} />
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
                <RequestListView engagementId={id} />
              </Tabs.Panel>
            </Tabs>
            <EvidenceDrawer itemId={open} onClose={() => setOpen(null)} />
          </>
        )}
      </EngagementGate>
    </>
  );
}
