import { memo, useState } from 'react';
import { Button, Menu } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconUpload } from '@tabler/icons-react';
import { base64ToBlob } from '../../api/base64';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import { exportRisksCsv, exportRisksXlsx } from '../../stores/risks';

interface Props {
  engagementId: string | null;
  onNew(): void;
  onImport(): void;
}

/** "New risk" on its own, for the empty register. */
export function NewRiskButton({ onNew }: Pick<Props, 'onNew'>) {
  return (
    <Button leftSection={<IconPlus size={16} />} onClick={onNew}>
      New risk
    </Button>
  );
}

/** "Import sheet" on its own, for the empty register. */
export function ImportSheetButton({ onImport }: Pick<Props, 'onImport'>) {
  return (
    <Button variant="default" leftSection={<IconUpload size={16} />} onClick={onImport}>
      Import sheet
    </Button>
  );
}

/**
 * The register's import, export and new-risk buttons. Memoised: they do not depend on the
 * filters, so a keystroke in the search does not draw them again.
 */
export const RegisterActions = memo(function RegisterActions({
  engagementId,
  onNew,
  onImport,
}: Props) {
  const [exporting, setExporting] = useState(false);

  async function exportAs(kind: 'xlsx' | 'csv') {
    if (!engagementId) return;
    setExporting(true);
    try {
      if (kind === 'xlsx') {
        const out = await exportRisksXlsx(engagementId);
        await filePlatform().saveCopy(
          base64ToBlob(
            out.contentBase64,
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
          ),
          out.fileName,
        );
      } else {
        const out = await exportRisksCsv(engagementId);
        await filePlatform().saveCopy(new Blob([out.text], { type: 'text/csv' }), out.fileName);
      }
    } catch (error) {
      notifications.show({ color: 'red', title: 'Export failed', message: errorMessage(error) });
    } finally {
      setExporting(false);
    }
  }

  return (
    <>
      <ImportSheetButton onImport={onImport} />
      <Menu>
        <Menu.Target>
          <Button variant="default" leftSection={<IconDownload size={16} />} loading={exporting}>
            Export
          </Button>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Item onClick={() => void exportAs('xlsx')}>Excel workbook (.xlsx)</Menu.Item>
          <Menu.Item onClick={() => void exportAs('csv')}>CSV (.csv)</Menu.Item>
        </Menu.Dropdown>
      </Menu>
      <NewRiskButton onNew={onNew} />
    </>
  );
});
