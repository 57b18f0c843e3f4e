import { useEffect } from 'react';
import { Alert, Code, Text } from '@mantine/core';
import { IconDatabaseExclamation } from '@tabler/icons-react';
import { useAppInfo } from '../../stores/app';

/**
 * Shown on every screen while the store is open read-only (the integrity check at start found
 * damage): what happened, that nothing can be changed, and where the backups are.
 */
export function StoreBanner() {
  const { info, load } = useAppInfo();
  useEffect(() => {
    if (!info) void load();
  }, [info, load]);
  const store = info?.store;
  if (!store?.readOnly) return null;
  return (
    <Alert
      role="alert"
      color="red"
      mb="md"
      icon={<IconDatabaseExclamation size={20} />}
      title="The database is damaged: Assay opened it read-only"
    >
      <Text size="sm">{store.reason}</Text>
      <Text size="sm" mt="xs">
        You can read and export what is there; nothing can be changed. Close Assay and restore a
        backup:{' '}
        {store.latestBackup ? (
          <>
            the newest is <Code>{store.latestBackup}</Code>
          </>
        ) : (
          <>
            backups are kept in <Code>{store.backupsDir}</Code>
          </>
        )}
        .
      </Text>
    </Alert>
  );
}
