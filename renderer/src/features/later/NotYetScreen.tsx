import { Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { EmptyState } from '../../components/EmptyState';
import { PageHeader } from '../../components/PageHeader';

interface Props {
  title: string;
  icon: ReactNode;
  purpose: string;
  meanwhile: string;
}

/** An honest empty state for an area this version of Assay does not have yet. */
export function NotYetScreen({ title, icon, purpose, meanwhile }: Props) {
  return (
    <>
      <PageHeader title={title} />
      <Paper withBorder p="lg" radius="md">
        <EmptyState icon={icon} title={`${title} is not in this version yet`}>
          {purpose}
        </EmptyState>
        <Text size="sm" c="dimmed" ta="center">
          {meanwhile}
        </Text>
      </Paper>
    </>
  );
}
