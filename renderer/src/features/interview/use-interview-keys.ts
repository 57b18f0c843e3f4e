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
 * Keyboard first. Plain keys act only when no text field has focus (so typing notes never
 * changes a result); Alt+arrows move between requirements from anywhere, notes included.
 */
export function useInterviewKeys(h: Handlers, enabled: boolean): void {
  const guard = (fn: () => void) => (event: KeyboardEvent) => {
    if (!enabled) return;
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
