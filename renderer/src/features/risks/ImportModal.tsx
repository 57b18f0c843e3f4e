import { useState } from 'react';
import {
  Alert,
  Button,
  FileInput,
  Group,
  Modal,
  ScrollArea,
  Select,
  SimpleGrid,
  Stack,
  Table,
  Text,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ImportPreview } from '../../../../shared/contracts/risk-sheets';
import {
  IMPORT_MAX_BYTES,
  IMPORT_MAX_ROWS,
  importFields,
} from '../../../../shared/domain/risk-sheet-fields';
import { errorMessage } from '../../api/error-message';
import { ErrorAlert } from '../../components/ErrorAlert';
import { previewRiskImport, useRisks, type SheetMapping as Mapping } from '../../stores/risks';

export function ImportModal({ onClose }: { onClose(): void }) {
  const engagementId = useRisks((s) => s.engagementId);
  const importSheet = useRisks((s) => s.importSheet);
  const [file, setFile] = useState<File | null>(null);
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function analyse(f: File, mapping?: Mapping) {
    if (!engagementId) return;
    setBusy(true);
    setFailure(null);
    try {
      setPreview(await previewRiskImport(engagementId, f, mapping));
    } catch (error) {
      setPreview(null);
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  async function pick(picked: File | null) {
    setPreview(null);
    setFailure(null);
    if (!picked) return setFile(null);
    if (picked.size > IMPORT_MAX_BYTES) return setFailure(`${picked.name} is larger than 20 MB.`);
    setFile(picked);
    await analyse(picked);
  }

  async function commit() {
    if (!engagementId || !file || !preview) return;
    setBusy(true);
    try {
      const result = await importSheet(file, preview.mapping as Mapping);
      notifications.show({
        color: 'green',
        message: `Imported ${result.imported} risks from ${file.name}.`,
      });
      onClose();
    } catch (error) {
      setFailure(errorMessage(error));
    } finally {
      setBusy(false);
    }
  }

  const columns = preview?.columns.map((c) => ({ value: String(c.index), label: c.header })) ?? [];
  const mapped = importFields.filter((f) => preview?.mapping[f.key] != null);

  return (
    <Modal opened onClose={onClose} size="80rem" title="Import risks from a spreadsheet">
      <Stack>
        <Text size="sm" c="dimmed">
          XLSX or CSV (UTF-8), at most {IMPORT_MAX_ROWS.toLocaleString()} rows and 20 MB. The first
          row names the columns; cells must hold values, not formulas. AI systems are matched by
          name, controls by ref (A.6.2.4), sources and objectives by Annex C id. Either every row is
          imported or none.
        </Text>
        <FileInput
          label="Spreadsheet file"
          placeholder="Choose a .xlsx or .csv file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          onChange={(f) => void pick(f)}
        />
        {failure && <ErrorAlert message={failure} />}
        {preview && file && (
          <>
            <Text fw={600} size="sm">
              Column mapping
            </Text>
            <SimpleGrid cols={4} spacing="xs">
              {importFields.map((f) => (
                <Select
                  key={f.key}
                  size="xs"
                  label={`${f.label}${f.required ? ' *' : ''}`}
                  clearable={!f.required}
                  placeholder="not imported"
                  data={columns}
                  value={preview.mapping[f.key] == null ? null : String(preview.mapping[f.key])}
                  onChange={(v) =>
                    void analyse(file, {
                      ...(preview.mapping as Mapping),
                      [f.key]: v === null ? null : Number(v),
                    })
                  }
                />
              ))}
            </SimpleGrid>
            {preview.errorCount > 0 ? (
              <Alert
                color="red"
                title={`${preview.errorCount} problem${preview.errorCount === 1 ? '' : 's'} — nothing can be imported until they are fixed`}
              >
                <ScrollArea.Autosize mah={180}>
                  {preview.errors.map((e, i) => (
                    <Text key={i} size="sm">
                      Row {e.row}
                      {e.field ? `, ${e.field}` : ''}: {e.message}
                    </Text>
                  ))}
                </ScrollArea.Autosize>
              </Alert>
            ) : (
              <Alert color="green">
                {preview.rowCount.toLocaleString()} rows are ready to import.
              </Alert>
            )}
            <Text fw={600} size="sm">
              First rows
            </Text>
            <ScrollArea>
              <Table striped aria-label="Import preview" fz="xs">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Row</Table.Th>
                    {mapped.map((f) => (
                      <Table.Th key={f.key}>{f.label}</Table.Th>
                    ))}
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {preview.preview.map((p) => (
                    <Table.Tr key={p.row}>
                      <Table.Td>{p.row}</Table.Td>
                      {mapped.map((f) => (
                        <Table.Td key={f.key}>{(p.values[f.key] ?? '').slice(0, 80)}</Table.Td>
                      ))}
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </ScrollArea>
          </>
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            Cancel
          </Button>
          <Button
            onClick={() => void commit()}
            loading={busy}
            disabled={!preview || preview.errorCount > 0}
          >
            {preview ? `Import ${preview.rowCount.toLocaleString()} risks` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
