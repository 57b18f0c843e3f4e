import { List } from '@mantine/core';
import { IconDatabaseSearch } from '@tabler/icons-react';
import { checkStore } from '../../stores/app';
import { CheckCard } from './CheckCard';

/** Settings → SQLite's full integrity check over the database. */
export function StoreCheckCard() {
  return (
    <CheckCard
      title="Database"
      description="A quick check runs at every start. The full check reads every page and index of the database, so damage from a failing disk or a copy made while Assay was running shows."
      buttonLabel="Check the database"
      icon={<IconDatabaseSearch size={16} />}
      run={checkStore}
      verdict={{ ok: 'The database is intact', failed: 'Damage found' }}
    >
      {(report) =>
        report.ok ? (
          'Every page and index checks out.'
        ) : (
          <List size="sm">
            {report.problems.slice(0, 20).map((p, i) => (
              <List.Item key={i}>{p}</List.Item>
            ))}
          </List>
        )
      }
    </CheckCard>
  );
}
