import { List, Text } from '@mantine/core';
import { IconFileCheck } from '@tabler/icons-react';
import type { IntegrityReport } from '../../../../shared/contracts/evidence';
import { checkEvidenceFiles } from '../../stores/evidence';
import { CheckCard } from './CheckCard';

/** Settings → re-hash every vault file and say what is missing, altered or unreferenced. */
export function EvidenceCheckCard() {
  const short = (sha: string) => `${sha.slice(0, 12)}…`;
  return (
    <CheckCard
      title="Evidence files"
      description="Every stored file is named by its SHA-256. Checking re-reads and re-hashes each one, so a file that went missing or was changed outside Assay shows. Large vaults take a while."
      buttonLabel="Check evidence files"
      icon={<IconFileCheck size={16} />}
      run={checkEvidenceFiles}
      verdict={{ ok: 'All files intact', failed: 'Problems found' }}
    >
      {(report: IntegrityReport) => (
        <>
          <Text size="sm">
            {report.items} records, {report.objects} stored files checked. Missing{' '}
            {report.missing.length}, altered {report.altered.length}, unreferenced{' '}
            {report.unreferenced.length}.
          </Text>
          {!report.ok && (
            <List size="sm" mt="xs">
              {report.missing.map((m) => (
                <List.Item key={`m${m.sha256}`}>
                  Missing: {short(m.sha256)} ({m.items.length} record(s))
                </List.Item>
              ))}
              {report.altered.map((a) => (
                <List.Item key={`a${a.sha256}`}>
                  Altered: {short(a.sha256)} ({a.items.length} record(s))
                </List.Item>
              ))}
              {report.unreferenced.map((u) => (
                <List.Item key={`u${u.name}`}>Unreferenced: objects/{u.name}</List.Item>
              ))}
            </List>
          )}
        </>
      )}
    </CheckCard>
  );
}
