import { memo, useCallback, useEffect, useMemo, useState } from 'react';
import { Badge, CloseButton, Group, Paper, Text } from '@mantine/core';
import { IconShieldExclamation } from '@tabler/icons-react';
import type { Risk, RiskCriteria } from '../../../../shared/contracts/risks';
import { useCatalog } from '../../stores/catalog';
import {
  useRegisterView,
  type GroupBy,
  type HeatCell,
  type RegisterFilters,
} from '../../stores/risk-register';
import { useRisks } from '../../stores/risks';
import { EmptyState } from '../../components/EmptyState';
import { registerFilter } from './filter';
import { countCells, HeatMap } from './HeatMap';
import { ImportModal } from './ImportModal';
import { ImportSheetButton, NewRiskButton, RegisterActions } from './RegisterActions';
import { RegisterToolbar } from './RegisterToolbar';
import { RiskDrawer } from './RiskDrawer';
import { RiskTable } from './RiskTable';

export function RegisterTab() {
  const { risks, risksLoading, criteria, engagementId } = useRisks();
  const filters = useRegisterView((s) => s.filters);
  const groupBy = useRegisterView((s) => s.groupBy);
  const loadCatalog = useCatalog((s) => s.load);
  const [open, setOpen] = useState<Risk | 'new' | null>(null);
  const [importing, setImporting] = useState(false);
  useEffect(() => {
    void loadCatalog('iso-iec-42001-2023');
  }, [loadCatalog]);

  const onOpen = useCallback((risk: Risk) => setOpen(risk), []);
  const onNew = useCallback(() => setOpen('new'), []);
  const onImport = useCallback(() => setImporting(true), []);

  if (!criteria) return null;
  return (
    <>
      {risks.length === 0 ? (
        <Paper withBorder radius="md">
          <EmptyState
            icon={<IconShieldExclamation size={28} />}
            title="No risks recorded yet"
            action={
              <Group>
                <NewRiskButton onNew={onNew} />
                <ImportSheetButton onImport={onImport} />
              </Group>
            }
          >
            Record each AI risk with its source and the objectives it affects, rate it against the
            criteria, and say how it is treated and which Annex A controls the treatment relies on.
            A consultant&apos;s existing sheet can be imported.
          </EmptyState>
        </Paper>
      ) : (
        <Register
          risks={risks}
          risksLoading={risksLoading}
          criteria={criteria}
          view={filters}
          groupBy={groupBy}
          engagementId={engagementId}
          onNew={onNew}
          onImport={onImport}
          onOpen={onOpen}
        />
      )}
      {open && <RiskDrawer risk={open === 'new' ? null : open} onClose={() => setOpen(null)} />}
      {importing && <ImportModal onClose={() => setImporting(false)} />}
    </>
  );
}

interface RegisterProps {
  risks: Risk[];
  risksLoading: boolean;
  criteria: RiskCriteria;
  /**
   * The filters the register shows. Drawn in the keystroke's own render: filtering 10,000 risks
   * takes a few milliseconds, and a deferred render spread one keystroke over several frames.
   */
  view: RegisterFilters;
  groupBy: GroupBy;
  engagementId: string | null;
  onNew(): void;
  onImport(): void;
  onOpen(risk: Risk): void;
}

/** The register with its count, heat maps, toolbar and table, for one set of filters. */
const Register = memo(function Register(props: RegisterProps) {
  const { risks, risksLoading, criteria, view, groupBy, engagementId, onNew, onImport, onOpen } =
    props;
  const setFilter = useRegisterView((s) => s.setFilter);
  const filter = useMemo(() => registerFilter(risks), [risks]);
  const { shown, forHeat, isShown } = useMemo(() => filter(view), [filter, view]);
  const inherent = useMemo(() => countCells(forHeat, 'inherent'), [forHeat]);
  const residual = useMemo(() => countCells(forHeat, 'residual'), [forHeat]);
  const onSelectCell = useCallback((c: HeatCell | null) => setFilter('cell', c), [setFilter]);

  return (
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
          <RegisterActions engagementId={engagementId} onNew={onNew} onImport={onImport} />
        </Group>
      </Group>
      <Group align="stretch" gap="md" mb="md" wrap="wrap">
        {(['inherent', 'residual'] as const).map((kind) => (
          <HeatMap
            key={kind}
            kind={kind}
            criteria={criteria}
            counts={kind === 'inherent' ? inherent : residual}
            selected={view.cell}
            onSelect={onSelectCell}
          />
        ))}
      </Group>
      <RegisterToolbar risks={risks} criteria={criteria} />
      <Paper withBorder radius="md">
        {/* Mounted even when nothing matches: its sorted rows of the whole register are
              kept, so clearing a search that matched nothing does not rebuild them. */}
        <RiskTable
          risks={risks}
          isShown={isShown}
          shownCount={shown.length}
          bands={criteria.bands}
          groupBy={groupBy}
          onOpen={onOpen}
        />
      </Paper>
    </>
  );
});
