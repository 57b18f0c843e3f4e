import { memo, useCallback, useMemo, useRef, useState } from 'react';
import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconArrowUp, IconArrowDown } from '@tabler/icons-react';
import {
  flexRender,
  getCoreRowModel,
  getSortedRowModel,
  useReactTable,
  type Row,
  type SortingState,
} from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { Risk } from '../../../../shared/contracts/risks';
import type { RiskBand } from '../../../../shared/rules/risk-levels';
import { riskStatusLabels } from '../../../../shared/domain/risks';
import type { GroupBy } from '../../stores/risk-register';
import { riskColumns } from './columns';
import { currentBand, NO_SYSTEM } from './filter';
import { frozenColumn, GroupRow, RiskRow, ROW_HEIGHT } from './RegisterRow';

type Item =
  { kind: 'group'; key: string; count: number } | { kind: 'row'; row: Row<Risk>; group: string };

function groupKeys(r: Risk, by: GroupBy): string[] {
  switch (by) {
    case 'system':
      return r.aiSystemNames.length ? r.aiSystemNames : [NO_SYSTEM];
    case 'source':
      return [r.riskSource ?? '(no source)'];
    case 'level':
      return [currentBand(r)];
    case 'owner':
      return [r.owner || '(no owner)'];
    case 'status':
      return [riskStatusLabels[r.status]];
    default:
      return [''];
  }
}

interface Props {
  /** The whole register: the table's data stays the same while filters change. */
  risks: Risk[];
  /** By a risk's place in `risks`: 1 if the filters let it through. */
  isShown: Uint8Array;
  /** How many they let through. */
  shownCount: number;
  bands: RiskBand[];
  groupBy: GroupBy;
  onOpen(risk: Risk): void;
}

/** The register: sorted by TanStack Table, grouped here, and only the visible rows drawn. */
export const RiskTable = memo(function RiskTable(props: Props) {
  const { risks, isShown, shownCount, bands, groupBy, onOpen } = props;
  const [sorting, setSorting] = useState<SortingState>([]);
  const [collapsed, setCollapsed] = useState<Set<string>>(new Set());
  const columns = useMemo(() => riskColumns(bands, onOpen), [bands, onOpen]);
  // The app does not use the React Compiler; TanStack Table's unmemoisable API is fine here.
  const table = useReactTable({
    data: risks,
    columns,
    state: { sorting },
    onSortingChange: setSorting,
    getCoreRowModel: getCoreRowModel(),
    getSortedRowModel: getSortedRowModel(),
    getRowId: (r) => r.id,
  });
  // Filtering here, on the already-sorted rows, keeps a keystroke from rebuilding TanStack's
  // row models for all 10,000 risks: only a look-up by place per row. The places in sorted order
  // are read once per sort (a TanStack row has dozens of properties, slow to read 10,000 times).
  const sortedRows = table.getRowModel().rows;
  const sortedPlaces = useMemo(() => Int32Array.from(sortedRows, (row) => row.index), [sortedRows]);
  const rows = useMemo(() => {
    if (shownCount === risks.length) return sortedRows;
    const kept: Row<Risk>[] = [];
    sortedPlaces.forEach((place, k) => {
      if (isShown[place] === 1) kept.push(sortedRows[k] as Row<Risk>);
    });
    return kept;
  }, [sortedRows, sortedPlaces, isShown, shownCount, risks]);

  const items = useMemo<Item[]>(() => {
    if (groupBy === 'none') return rows.map((row) => ({ kind: 'row', row, group: '' }));
    const groups = new Map<string, Row<Risk>[]>();
    for (const row of rows) {
      for (const key of groupKeys(row.original, groupBy)) {
        const list = groups.get(key);
        if (list) list.push(row);
        else groups.set(key, [row]);
      }
    }
    const keys = [...groups.keys()].sort((a, b) =>
      groupBy === 'level'
        ? bands.findIndex((x) => x.name === b) - bands.findIndex((x) => x.name === a)
        : a.localeCompare(b, 'en', { numeric: true }),
    );
    return keys.flatMap((key) => {
      const list = groups.get(key) ?? [];
      const head: Item = { kind: 'group', key, count: list.length };
      return collapsed.has(key)
        ? [head]
        : [head, ...list.map((row) => ({ kind: 'row' as const, row, group: key }))];
    });
  }, [rows, groupBy, collapsed, bands]);

  const scrollRef = useRef<HTMLDivElement>(null);
  const virtualizer = useVirtualizer({
    count: items.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    // Rows beyond the view drawn ahead for scrolling; each keystroke in the search draws them
    // all again (12 made it 36 rows where 12 are seen).
    overscan: 4,
  });
  const virtualItems = virtualizer.getVirtualItems();
  const top = virtualItems[0]?.start ?? 0;
  const bottom = virtualizer.getTotalSize() - (virtualItems.at(-1)?.end ?? 0);
  const headers = table.getHeaderGroups()[0]?.headers ?? [];
  const width = headers.reduce((sum, h) => sum + h.getSize(), 0);

  const toggle = useCallback(
    (key: string) =>
      setCollapsed((old) => {
        const next = new Set(old);
        if (next.has(key)) next.delete(key);
        else next.add(key);
        return next;
      }),
    [],
  );

  // Nothing matching still keeps the scroll box mounted (a row says so): clearing the search then
  // draws the rows into it at once instead of setting the whole virtual list up again.
  const empty = items.length === 0;
  return (
    <div
      ref={scrollRef}
      className="risk-register-scroll"
      style={{
        height: empty ? 'auto' : 'max(360px, calc(100vh - 560px))',
        overflow: 'auto',
        position: 'relative',
        // What a keystroke changes in the rows is laid out and painted within this box alone.
        contain: 'content',
      }}
    >
      <table
        aria-label="Risk register"
        // Every row is drawn when nothing matches, so there is nothing to count for the reader.
        aria-rowcount={empty ? undefined : items.length + 1}
        style={{ width, tableLayout: 'fixed', borderCollapse: 'collapse', fontSize: 14 }}
      >
        <thead
          style={{
            position: 'sticky',
            top: 0,
            zIndex: 1,
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          <tr aria-rowindex={1}>
            {headers.map((h, i) => {
              const sorted = h.column.getIsSorted();
              return (
                <th
                  key={h.id}
                  style={{
                    width: h.getSize(),
                    textAlign: 'left',
                    padding: '8px',
                    borderBottom: '1px solid var(--mantine-color-gray-3)',
                    // The reference column stays in view when the register scrolls sideways.
                    ...(i === 0
                      ? { ...frozenColumn, background: 'var(--mantine-color-gray-0)', zIndex: 1 }
                      : {}),
                  }}
                  aria-sort={
                    sorted === 'asc' ? 'ascending' : sorted === 'desc' ? 'descending' : 'none'
                  }
                >
                  {h.column.getCanSort() ? (
                    <UnstyledButton onClick={h.column.getToggleSortingHandler()} fw={600} fz="sm">
                      <Group gap={4} wrap="nowrap">
                        {flexRender(h.column.columnDef.header, h.getContext())}
                        {sorted === 'asc' && <IconArrowUp size={14} />}
                        {sorted === 'desc' && <IconArrowDown size={14} />}
                      </Group>
                    </UnstyledButton>
                  ) : (
                    <Text fw={600} fz="sm">
                      {flexRender(h.column.columnDef.header, h.getContext())}
                    </Text>
                  )}
                </th>
              );
            })}
          </tr>
        </thead>
        <tbody>
          {empty && (
            <tr>
              <td colSpan={headers.length}>
                <Text p="lg" c="dimmed" ta="center">
                  No risk matches these filters.
                </Text>
              </td>
            </tr>
          )}
          {top > 0 && <tr aria-hidden style={{ height: top }} />}
          {virtualItems.map((v) => {
            const item = items[v.index];
            // The header row is row 1; rows scrolled out of view are counted, not drawn.
            const rowIndex = v.index + 2;
            if (!item) return null;
            return item.kind === 'group' ? (
              <GroupRow
                key={`g:${item.key}`}
                name={item.key}
                count={item.count}
                open={!collapsed.has(item.key)}
                columns={headers.length}
                rowIndex={rowIndex}
                onToggle={toggle}
              />
            ) : (
              // Grouped by AI system, a risk of two systems is in two groups: the group is part
              // of its key.
              <RiskRow
                key={groupBy === 'none' ? item.row.id : `${item.group}:${item.row.id}`}
                row={item.row}
                rowIndex={rowIndex}
                onOpen={onOpen}
              />
            );
          })}
          {bottom > 0 && <tr aria-hidden style={{ height: bottom }} />}
        </tbody>
      </table>
    </div>
  );
});
