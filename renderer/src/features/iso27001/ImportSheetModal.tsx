import { Button, FileInput, Group, Loader, Modal, Select, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Iso27001Preview } from '../../../../shared/contracts/iso27001';
import {
  iso27001SheetFields,
  plainNumberLabels,
  plainNumberReadings,
  type PlainNumberReading,
} from '../../../../shared/domain/iso27001-sheet';
import { ErrorAlert } from '../../components/ErrorAlert';
import { useSheetImport } from '../../components/use-sheet-import';
import { MappingFields, SheetPreviewTable, SheetProblems } from '../../components/SheetImportParts';
import {
  importIso27001Sheet,
  previewIso27001Sheet,
  type Iso27001Mapping,
  type SheetChoice,
} from '../../stores/iso27001';

interface Props {
  engagementId: string;
  onClose(): void;
  onImported(): void;
}

/**
 * A client's ISO/IEC 27001 SoA or assessment sheet: pick it, check the column mapping and how
 * bare numbers are read against the first rows, then keep it (every row, or nothing).
 */
export function ImportSheetModal({ engagementId, onClose, onImported }: Props) {
  const { file, preview, failure, busy, analyse, pick, keep } = useSheetImport<
    Iso27001Preview,
    SheetChoice
  >((f, choice) => previewIso27001Sheet(engagementId, f, choice));

  async function commit() {
    const done = await keep(async (f, p) => {
      const kept = await importIso27001Sheet(engagementId, f, {
        mapping: p.mapping as Iso27001Mapping,
        plainNumbers: p.plainNumbers,
      });
      notifications.show({
        color: 'green',
        message: `Imported ${kept.rows} rows of ${kept.fileName}.`,
      });
    });
    if (done) {
      onImported();
      onClose();
    }
  }

  const matched = new Map(preview?.preview.map((p) => [p.row, p.ref]) ?? []);
  return (
    <Modal opened onClose={onClose} size="70rem" title="Import the client's ISO/IEC 27001 sheet">
      <Stack>
        <Text size="sm" c="dimmed">
          The client&apos;s Statement of Applicability or 27001 assessment as XLSX or CSV (UTF-8),
          one clause or Annex A control per row, the first row naming the columns. Assay keeps what
          it says about applicability, status, notes and evidence, and suggests 42001 answers from
          it; no answer is recorded until you confirm it.
        </Text>
        <FileInput
          label="27001 sheet"
          placeholder="Choose a .xlsx or .csv file"
          accept=".xlsx,.csv,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          clearable
          value={file}
          onChange={(f) => void pick(f)}
        />
        {failure && <ErrorAlert message={failure} />}
        {busy && !preview && <Loader size="sm" aria-label="Reading the sheet" />}
        {preview && file && (
          <>
            <Text fw={600} size="sm">
              Column mapping
            </Text>
            <MappingFields
              fields={iso27001SheetFields}
              columns={preview.columns}
              mapping={preview.mapping}
              disabled={busy}
              onChange={(key, column) =>
                void analyse(file, {
                  mapping: { ...(preview.mapping as Iso27001Mapping), [key]: column },
                  plainNumbers: preview.plainNumbers,
                })
              }
            />
            <Select
              size="xs"
              maw={360}
              label="Numbers without “A.” are"
              description="27001 numbers clauses and Annex A controls alike; a title in the row decides when it matches."
              data={plainNumberReadings.map((r) => ({ value: r, label: plainNumberLabels[r] }))}
              value={preview.plainNumbers}
              allowDeselect={false}
              disabled={busy}
              onChange={(v) =>
                v &&
                void analyse(file, {
                  mapping: preview.mapping as Iso27001Mapping,
                  plainNumbers: v as PlainNumberReading,
                })
              }
            />
            <SheetProblems
              errorCount={preview.errorCount}
              errors={preview.errors}
              ready={`${preview.readyCount} rows are ready to import.`}
            />
            <Text fw={600} size="sm">
              First rows
            </Text>
            <SheetPreviewTable
              fields={iso27001SheetFields}
              mapping={preview.mapping}
              rows={preview.preview}
              extra={{ header: 'Read as', cell: (row) => matched.get(row) ?? '—' }}
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
            {preview ? `Import ${preview.readyCount} rows` : 'Import'}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
