import { memo, type CSSProperties } from 'react';
import { ActionIcon, Group, Text } from '@mantine/core';
import { IconChevronDown, IconChevronRight } from '@tabler/icons-react';
import { flexRender, type Row } from '@tanstack/react-table';
import type { Risk } from '../../../../shared/contracts/risks';

export const ROW_HEIGHT = 38;

const rowStyle: CSSProperties = {
  height: ROW_HEIGHT,
  borderBottom: '1px solid var(--mantine-color-gray-2)',
};
const cellStyle: CSSProperties = { padding: '4px 8px', overflow: 'hidden', whiteSpace: 'nowrap' };
/**
 * The register is wider than a laptop's screen and scrolls sideways; its first column (the
 * reference, which opens the risk) stays in view, on the page's background, with a rule beside it.
 */
export const frozenColumn: CSSProperties = {
  position: 'sticky',
  left: 0,
  background: 'var(--mantine-color-body)',
  boxShadow: 'inset -1px 0 0 var(--mantine-color-gray-3)',
};
const firstCellStyle: CSSProperties = { ...cellStyle, ...frozenColumn };
const groupStyle: CSSProperties = {
  height: ROW_HEIGHT,
  background: 'var(--mantine-color-indigo-0)',
};

interface RiskRowProps {
  row: Row<Risk>;
  /** Its place among all rows of the table (the header is 1), for screen readers. */
  rowIndex: number;
  onOpen(risk: Risk): void;
}

/**
 * One risk of the register. Memoised on its row (TanStack keeps a risk's row object while the
 * data is the same) and its place: a keystroke in the filter redraws only the rows that moved.
 */
export const RiskRow = memo(function RiskRow({ row, rowIndex, onOpen }: RiskRowProps) {
  return (
    <tr
      className="risk-row"
      aria-rowindex={rowIndex}
      style={rowStyle}
      onDoubleClick={() => onOpen(row.original)}
    >
      {row.getVisibleCells().map((cell, i) => (
        <td key={cell.id} style={i === 0 ? firstCellStyle : cellStyle}>
          {flexRender(cell.column.columnDef.cell, cell.getContext())}
        </td>
      ))}
    </tr>
  );
});

interface GroupRowProps {
  name: string;
  count: number;
  open: boolean;
  columns: number;
  rowIndex: number;
  onToggle(name: string): void;
}

/** A group's heading row: its name, how many risks it holds, and a button to fold it. */
export const GroupRow = memo(function GroupRow(props: GroupRowProps) {
  const { name, count, open, columns, rowIndex, onToggle } = props;
  return (
    <tr aria-rowindex={rowIndex} style={groupStyle}>
      <td colSpan={columns} style={{ padding: '4px 8px' }}>
        {/* The group's name stays in view while the register is scrolled sideways. */}
        <Group gap={6} style={{ position: 'sticky', left: 8, width: 'fit-content' }}>
          <ActionIcon
            variant="subtle"
            size="sm"
            aria-expanded={open}
            aria-label={`${open ? 'Collapse' : 'Expand'} ${name}`}
            onClick={() => onToggle(name)}
          >
            {open ? <IconChevronDown size={14} /> : <IconChevronRight size={14} />}
          </ActionIcon>
          <Text fw={600} size="sm">
            {name}
          </Text>
          <Text size="sm" c="dimmed">
            {count} risk{count === 1 ? '' : 's'}
          </Text>
        </Group>
      </td>
    </tr>
  );
});
