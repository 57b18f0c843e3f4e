import { Alert, ScrollArea, Select, SimpleGrid, Table, Text } from '@mantine/core';

/** A field of an import as the mapping form shows it. */
interface Field {
  key: string;
  label: string;
  required: boolean;
}

interface MappingProps {
  fields: readonly Field[];
  columns: { index: number; header: string }[];
  mapping: Record<string, number | null>;
  onChange(key: string, column: number | null): void;
  disabled?: boolean;
}

/** One select per field: which column of the sheet holds it. */
export function MappingFields({ fields, columns, mapping, onChange, disabled }: MappingProps) {
  const data = columns.map((c) => ({
    value: String(c.index),
    label: c.header || `Column ${c.index + 1}`,
  }));
  return (
    <SimpleGrid cols={{ base: 2, md: 4 }} spacing="xs">
      {fields.map((f) => (
        <Select
          key={f.key}
          size="xs"
          label={`${f.label}${f.required ? ' *' : ''}`}
          clearable={!f.required}
          placeholder="not imported"
          data={data}
          disabled={disabled}
          value={mapping[f.key] == null ? null : String(mapping[f.key])}
          onChange={(v) => onChange(f.key, v === null ? null : Number(v))}
        />
      ))}
    </SimpleGrid>
  );
}

interface ProblemsProps {
  errorCount: number;
  errors: { row: number; field: string | null; message: string }[];
  /** Said when there is no problem, e.g. "126 rows are ready to import." */
  ready: string;
}

/** The sheet's problems by row (nothing can be imported until they are fixed), or the all-clear. */
export function SheetProblems({ errorCount, errors, ready }: ProblemsProps) {
  if (errorCount === 0) return <Alert color="green">{ready}</Alert>;
  return (
    <Alert
      color="red"
      title={`${errorCount} problem${errorCount === 1 ? '' : 's'} — nothing can be imported until they are fixed`}
    >
      <ScrollArea.Autosize mah={180}>
        {errors.map((e, i) => (
          <Text key={i} size="sm">
            Row {e.row}
            {e.field ? `, ${e.field}` : ''}: {e.message}
          </Text>
        ))}
      </ScrollArea.Autosize>
    </Alert>
  );
}

interface PreviewProps {
  fields: readonly Field[];
  mapping: Record<string, number | null>;
  rows: { row: number; values: Record<string, string> }[];
  /** An extra first column, e.g. what the row was matched to. */
  extra?: { header: string; cell(row: number): string };
}

/** The first rows of the sheet as the mapping reads them. */
export function SheetPreviewTable({ fields, mapping, rows, extra }: PreviewProps) {
  const mapped = fields.filter((f) => mapping[f.key] != null);
  return (
    <Table.ScrollContainer minWidth={640}>
      <Table striped aria-label="Import preview" fz="xs">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Row</Table.Th>
            {extra && <Table.Th>{extra.header}</Table.Th>}
            {mapped.map((f) => (
              <Table.Th key={f.key}>{f.label}</Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((p) => (
            <Table.Tr key={p.row}>
              <Table.Td>{p.row}</Table.Td>
              {extra && <Table.Td>{extra.cell(p.row)}</Table.Td>}
              {mapped.map((f) => (
                <Table.Td key={f.key}>{(p.values[f.key] ?? '').slice(0, 80)}</Table.Td>
              ))}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
