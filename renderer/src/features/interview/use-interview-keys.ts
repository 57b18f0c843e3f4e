import { useHotkeys } from '@mantine/hooks';
import type { Result } from '../../../../shared/domain/assessment';
import { resultKeys } from './result-style';

interface Handlers {
  setResult(result: Result): void;
  next(): void;
  previous(): void;
  nextUnanswered(): void;
  toggleFollowUp(): void;
  focusNotes(): void;
  help(): void;
}

/**
 * True while a modal dialog (a form, a drawer, the palette) is open over the interview: its keys
 * belong to it. Without this, "e" pressed on a dialog's button pulled the focus to the notes
 * behind it and a digit changed the answer the dialog hid.
 */
const dialogOpen = () => document.querySelector('[role="dialog"][aria-modal="true"]') !== null;

/**
 * Keyboard first. Plain keys act only when no text field has focus (so typing notes never
 * changes a result) and no dialog is open; Alt+arrows move between requirements from anywhere,
 * notes included.
 */
export function useInterviewKeys(h: Handlers, enabled: boolean): void {
  const guard = (fn: () => void) => (event: KeyboardEvent) => {
    if (!enabled || dialogOpen()) return;
    event.preventDefault();
    fn();
  };
  useHotkeys([
    ...resultKeys.map(
      ([key, result]) =>
        [key, guard(() => h.setResult(result))] as [string, (e: KeyboardEvent) => void],
    ),
    ['j', guard(h.next)],
    ['k', guard(h.previous)],
    ['u', guard(h.nextUnanswered)],
    ['f', guard(h.toggleFollowUp)],
    ['e', guard(h.focusNotes)],
    ['shift+?', guard(h.help)],
  ]);
  useHotkeys(
    [
      ['alt+ArrowRight', guard(h.next)],
      ['alt+ArrowLeft', guard(h.previous)],
      ['alt+ArrowDown', guard(h.nextUnanswered)],
    ],
    [],
  );
}
