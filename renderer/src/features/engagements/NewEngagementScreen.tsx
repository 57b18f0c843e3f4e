import { Paper } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEngagements } from '../../stores/engagements';
import { navigate } from '../../router/hash-route';
import { PageHeader } from '../../components/PageHeader';
import { EngagementForm } from './EngagementForm';

export function NewEngagementScreen() {
  const create = useEngagements((s) => s.create);
  return (
    <>
      <PageHeader
        title="New engagement"
        subtitle="The client organisation and the scope of its AI management system."
      />
      <Paper withBorder p="lg" radius="md" maw={900}>
        <EngagementForm
          submitLabel="Create engagement"
          onCancel={() => navigate('engagements')}
          onSubmit={async (input) => {
            const created = await create(input);
            notifications.show({
              color: 'green',
              message: `Engagement for ${created.clientName} created.`,
            });
            navigate('engagements', created.id);
          }}
        />
      </Paper>
    </>
  );
}
