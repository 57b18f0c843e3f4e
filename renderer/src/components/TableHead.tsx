import { Table, Text } from '@mantine/core';

interface Props {
  columns: readonly string[];
  /** The last column holds a row's buttons: its header is named for them, dimmed, e.g. "Open". */
  buttons: string;
  buttonsWidth?: number;
}

/** The head row of a table whose rows end in buttons. */
export function TableHead({ columns, buttons, buttonsWidth }: Props) {
  return (
    <Table.Thead>
      <Table.Tr>
        {columns.map((c) => (
          <Table.Th key={c}>{c}</Table.Th>
        ))}
        <Table.Th w={buttonsWidth}>
          <Text size="sm" fw={700} c="dimmed">
            {buttons}
          </Text>
        </Table.Th>
      </Table.Tr>
    </Table.Thead>
  );
}
