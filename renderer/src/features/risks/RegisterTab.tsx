import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Badge, Button, CloseButton, Group, Menu, Paper, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconDownload, IconPlus, IconShieldExclamation, IconUpload } from '@tabler/icons-react';
import type { Risk } from '../../../../shared/contracts/risks';
import { base64ToBlob } from '../../api/base64';
import { errorMessage } from '../../api/error-message';
import { filePlatform } from '../../platform/files';
import { useCatalog } from '../../stores/catalog';
import { useRegisterView, type HeatCell } from '../../stores/risk-register';
import { exportRisksCsv, exportRisksXlsx, useRisks } from '../../stores/risks';
import { EmptyState } from '../../components/EmptyState';
import { registerFilter } from './filter';
import { countCells, HeatMap } from './HeatMap';
import { ImportModal } from './ImportModal';
import { RegisterToolbar } from './RegisterToolbar';
import { RiskDrawer } from './RiskDrawer';
import { RiskTable } from './RiskTable';

export function RegisterTab() {
  const { risks, risksLoading, criteria, engagementId } = useRisks();
  const { filters, groupBy, setFilter } = useRegisterView();
  const loadCatalog = useCatalog((s) => s.load);
  const [open, setOpen] = useState<Risk | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  const [exporting, setExporting] = useState(false);
  useEffect(() => {
    void loadCatalog('iso-iec-42001-2023');
  }, [loadCatalog]);

  // The search box shows each keystroke at once; the register, its count and the heat maps follow
  // in a render React may interrupt for the next keystroke.
  const view = useDeferredValue(filters);
  const filter = useMemo(() => registerFilter(risks), [risks]);
  const { shown, forHeat } = useMemo(() => filter(view), [filter, view]);
  const inherent = useMemo(() => countCells(forHeat, 'inherent'), [forHeat]);
  const residual = useMemo(() => countCells(forHeat, 'residual'), [forHeat]);
  const onOpen = useCallback((risk: Risk) => setOpen(risk), []);
  const onSelectCell = useCallback((c: HeatCell | null) => setFilter('cell', c), [setFilter]);

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

  if (!criteria) return null;
  const newButton = (
    <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')}>
      New risk
    </Button>
  );
  const importButton = (
    <Button
      variant="default"
      leftSection={<IconUpload size={16} />}
      onClick={() => setImporting(true)}
    >
      Import sheet
    </Button>
  );

  return (
    <>
      {risks.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconShieldExclamation size={28} />}
            title="No risks recorded yet"
            action={
              <Group>
                {newButton}
                {importButton}
              </Group>
            }
          >
            Record each AI risk with its source and the objectives it affects, rate it against the
            criteria, and say how it is treated and which Annex A controls the treatment relies on.
            A consultant&apos;s existing sheet can be imported.
          </EmptyState>
        </Paper>
      ) : (
        <>
          <Group justify="space-between" mb="sm">
            <Text
              size="sm"
              c="dimmed"
              aria-live="polite"
              data-testid="risk-count"
              data-filter={view.text}
              data-complete={!risksLoading}
            >
              {risksLoading
                ? `Showing ${shown.length.toLocaleString()} of the first ${risks.length.toLocaleString()} risks; reading the rest of the register…`
                : `Showing ${shown.length.toLocaleString()} of ${risks.length.toLocaleString()} risks`}
            </Text>
            <Group gap="xs">
              {view.cell && (
                <Badge
                  size="lg"
                  variant="light"
                  rightSection={
                    <CloseButton
                      size="xs"
                      aria-label="Clear heat-map filter"
                      onClick={() => setFilter('cell', null)}
                    />
                  }
                >
                  {view.cell.kind}: L{view.cell.likelihood} × I{view.cell.impact}
                </Badge>
              )}
              {importButton}
              <Menu>
                <Menu.Target>
                  <Button
                    variant="default"
                    leftSection={<IconDownload size={16} />}
                    loading={exporting}
                  >
                    Export
                  </Button>
                </Menu.Target>
                <Menu.Dropdown>
                  <Menu.Item onClick={() => void exportAs('xlsx')}>
                    Excel workbook (.xlsx)
                  </Menu.Item>
                  <Menu.Item onClick={() => void exportAs('csv')}>CSV (.csv)</Menu.Item>
                </Menu.Dropdown>
              </Menu>
              {newButton}
            </Group>
          </Group>
          <Group align="stretch" gap="md" mb="md" wrap="wrap">
            <HeatMap
              kind="inherent"
              criteria={criteria}
              counts={inherent}
              selected={view.cell}
              onSelect={onSelectCell}
            />
            <HeatMap
              kind="residual"
              criteria={criteria}
              counts={residual}
              selected={view.cell}
              onSelect={onSelectCell}
            />
          </Group>
          <RegisterToolbar risks={risks} criteria={criteria} />
          <Paper withBorder radius="md">
            {/* Mounted even when nothing matches: its sorted rows of the whole register are
                kept, so clearing a search that matched nothing does not rebuild them. */}
            <RiskTable
              risks={risks}
              shown={shown}
              bands={criteria.bands}
              groupBy={groupBy}
              onOpen={onOpen}
            />
          </Paper>
        </>
      )}
      {open && <RiskDrawer risk={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </>
  );
}
