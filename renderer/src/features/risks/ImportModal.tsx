import { Button, FileInput, Group, Modal, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { ImportPreview } from '../../../../shared/contracts/risk-sheets';
import { IMPORT_MAX_ROWS, importFields } from '../../../../shared/domain/risk-sheet-fields';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSheetImport } from '../../components/use-sheet-import';
import { MappingFields, SheetPreviewTable, SheetProblems } from '../../components/SheetImportParts';
import { previewRiskImport, useRisks, type SheetMapping as Mapping } from '../../stores/risks';

export function ImportModal({ onClose }: { onClose(): void }) {
  const engagementId = useRisks((s) => s.engagementId);
  const importSheet = useRisks((s) => s.importSheet);
  const { file, preview, failure, busy, analyse, pick, keep } = useSheetImport<
    ImportPreview,
    Mapping
  >((f, mapping) => previewRiskImport(engagementId ?? '', f, mapping));

  async function commit() {
    const done = await keep(async (f, p) => {
      const result = await importSheet(f, p.mapping as Mapping);
      notifications.show({
        color: 'green',
        message: `Imported ${result.imported} risks from ${f.name}.`,
      });
    });
    if (done) onClose();
  }

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
            <MappingFields
              fields={importFields}
              columns={preview.columns}
              mapping={preview.mapping}
              disabled={busy}
              onChange={(key, column) =>
                void analyse(file, { ...(preview.mapping as Mapping), [key]: column })
              }
            />
            <SheetProblems
              errorCount={preview.errorCount}
              errors={preview.errors}
              ready={`${preview.rowCount.toLocaleString()} rows are ready to import.`}
            />
            <Text fw={600} size="sm">
              First rows
            </Text>
            <SheetPreviewTable
              fields={importFields}
              mapping={preview.mapping}
              rows={preview.preview}
            />
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
