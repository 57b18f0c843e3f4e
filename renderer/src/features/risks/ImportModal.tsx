import { notifications } from '@mantine/notifications';
import type { ImportPreview } from '../../../../shared/contracts/risk-sheets';
import { IMPORT_MAX_ROWS, importFields } from '../../../../shared/domain/risk-sheet-fields';
import { SheetImportModal } from '../../components/SheetImportModal';
import { useSheetImport } from '../../components/use-sheet-import';
import { previewRiskImport, useRisks, type SheetMapping as Mapping } from '../../stores/risks';

export function ImportModal({ onClose }: { onClose(): void }) {
  const engagementId = useRisks((s) => s.engagementId);
  const importSheet = useRisks((s) => s.importSheet);
  const sheet = useSheetImport<ImportPreview, Mapping>((f, mapping) =>
    previewRiskImport(engagementId ?? '', f, mapping),
  );

  async function commit() {
    const done = await sheet.keep(async (f, p) => {
      const result = await importSheet(f, p.mapping as Mapping);
      notifications.show({
        color: 'green',
        message: `Imported ${result.imported} risks from ${f.name}.`,
      });
    });
    if (done) onClose();
  }

  return (
    <SheetImportModal
      title="Import risks from a spreadsheet"
      size="80rem"
      intro={
        <>
          XLSX or CSV (UTF-8), at most {IMPORT_MAX_ROWS.toLocaleString()} rows and 20 MB. The first
          row names the columns; cells must hold values, not formulas. AI systems are matched by
          name, controls by ref (A.6.2.4), sources and objectives by Annex C id. Either every row is
          imported or none.
        </>
      }
      fileLabel="Spreadsheet file"
      fields={importFields}
      sheet={sheet}
      onMapping={(key, column, preview, file) =>
        void sheet.analyse(file, { ...(preview.mapping as Mapping), [key]: column })
      }
      ready={(p) => `${p.rowCount.toLocaleString()} rows are ready to import.`}
      importLabel={(p) => `Import ${p.rowCount.toLocaleString()} risks`}
      onImport={() => void commit()}
      onClose={onClose}
    />
  );
}
