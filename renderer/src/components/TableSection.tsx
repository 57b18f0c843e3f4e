import type { ReactNode } from 'react';
import { Paper, Table, Text, Title } from '@mantine/core';
import { TableHead } from './TableHead';

interface Props {
  /** The section's name, said with the count in its heading. */
  title: string;
  count: number;
  /** Said instead of the table when there is no row. */
  empty: ReactNode;
  /** Shown under the heading, above the table or the empty text (a warning about the rows). */
  notice?: ReactNode;
  tableLabel: string;
  /** Below this width the table scrolls inside its frame instead of squeezing. */
  minWidth: number;
  columns: readonly string[];
  /** The header of the last column, which holds each row's buttons. */
  buttons: string;
  buttonsWidth?: number;
  /** The rows. */
  children: ReactNode;
}

/** A framed section listing records as a table whose rows end in buttons, or saying there are none. */
export function TableSection(props: Props) {
  return (
    <Paper withBorder p="md" radius="md" component="section" aria-label={props.title}>
      <Title order={4} mb="xs">
        {props.title} ({props.count})
      </Title>
      {props.notice}
      {props.count === 0 ? (
        <Text size="sm" c="dimmed">
          {props.empty}
        </Text>
      ) : (
        <Table.ScrollContainer minWidth={props.minWidth}>
          <Table fz="sm" verticalSpacing={6} aria-label={props.tableLabel}>
            <TableHead
              columns={props.columns}
              buttons={props.buttons}
              buttonsWidth={props.buttonsWidth}
            />
            <Table.Tbody>{props.children}</Table.Tbody>
          </Table>
        </Table.ScrollContainer>
      )}
    </Paper>
  );
}
