import { Select } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import type { Iso27001Preview } from '../../../../shared/contracts/iso27001';
import {
  iso27001SheetFields,
  plainNumberLabels,
  plainNumberReadings,
  type PlainNumberReading,
} from '../../../../shared/domain/iso27001-sheet';
import { SheetImportModal } from '../../components/SheetImportModal';
import { useSheetImport } from '../../components/use-sheet-import';
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
  const sheet = useSheetImport<Iso27001Preview, SheetChoice>((f, choice) =>
    previewIso27001Sheet(engagementId, f, choice),
  );

  async function commit() {
    const done = await sheet.keep(async (f, p) => {
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

  const matched = new Map(sheet.preview?.preview.map((p) => [p.row, p.ref]) ?? []);
  return (
    <SheetImportModal
      title="Import the client's ISO/IEC 27001 sheet"
      size="70rem"
      intro={
        <>
          The client&apos;s Statement of Applicability or 27001 assessment as XLSX or CSV (UTF-8),
          one clause or Annex A control per row, the first row naming the columns. Assay keeps what
          it says about applicability, status, notes and evidence, and suggests 42001 answers from
          it; no answer is recorded until you confirm it.
        </>
      }
      fileLabel="27001 sheet"
      fields={iso27001SheetFields}
      sheet={sheet}
      onMapping={(key, column, preview, file) =>
        void sheet.analyse(file, {
          mapping: { ...(preview.mapping as Iso27001Mapping), [key]: column },
          plainNumbers: preview.plainNumbers,
        })
      }
      choices={(preview, file) => (
        <Select
          size="xs"
          maw={360}
          label="Numbers without “A.” are"
          description="27001 numbers clauses and Annex A controls alike; a title in the row decides when it matches."
          data={plainNumberReadings.map((r) => ({ value: r, label: plainNumberLabels[r] }))}
          value={preview.plainNumbers}
          allowDeselect={false}
          disabled={sheet.busy}
          onChange={(v) =>
            v &&
            void sheet.analyse(file, {
              mapping: preview.mapping as Iso27001Mapping,
              plainNumbers: v as PlainNumberReading,
            })
          }
        />
      )}
      ready={(p) => `${p.readyCount} rows are ready to import.`}
      matched={{ header: 'Read as', cell: (row) => matched.get(row) ?? '—' }}
      importLabel={(p) => `Import ${p.readyCount} rows`}
      onImport={() => void commit()}
      onClose={onClose}
    />
  );
}
