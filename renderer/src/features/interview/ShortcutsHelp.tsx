import { Kbd, Modal, Table } from '@mantine/core';

const rows: [string, string][] = [
  ['1 · 2 · 3 · 4 · 0', 'Conformant · partially · nonconformant · not applicable · not assessed'],
  ['J or Alt+→', 'Next requirement'],
  ['K or Alt+←', 'Previous requirement'],
  ['U or Alt+↓', 'Next unanswered requirement'],
  ['F', 'Flag for follow-up'],
  ['E', 'Write notes'],
  ['Esc', 'Leave the notes field (then the keys above work again)'],
  ['Ctrl+K or /', 'Jump to any requirement by identifier or words'],
  ['?', 'This list'],
];

export function ShortcutsHelp({ opened, onClose }: { opened: boolean; onClose(): void }) {
  return (
    <Modal opened={opened} onClose={onClose} title="Keyboard shortcuts" size="lg">
      <Table aria-label="Keyboard shortcuts">
        <Table.Tbody>
          {rows.map(([keys, what]) => (
            <Table.Tr key={keys}>
              <Table.Td w={180}>
                <Kbd>{keys}</Kbd>
              </Table.Td>
              <Table.Td>{what}</Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Modal>
  );
}
