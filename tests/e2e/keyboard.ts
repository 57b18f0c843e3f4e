import { expect } from 'vitest';
import type { Locator, Page } from 'playwright-core';

/**
 * Helpers for tests that use the keyboard alone: no click, no fill. Each one moves the focus the
 * way a person does (Tab, arrows, Enter, Space, typing) and checks that the focus can be seen.
 */

// Runs in the page. Mantine draws the focus ring as an outline on the control, on the visible
// sibling of a hidden input (switches, segmented controls), or, for text fields, as a border in
// the primary colour on the field or its wrapper.
const describeFocus = `(() => {
  const el = document.activeElement;
  if (!el || el === document.body) return 'nothing has the focus';
  const outlined = (node) => {
    if (!node) return false;
    const s = getComputedStyle(node);
    return s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1;
  };
  if (outlined(el) || outlined(el.nextElementSibling)) return 'visible';
  const s = getComputedStyle(el);
  const primary = getComputedStyle(document.documentElement)
    .getPropertyValue('--mantine-primary-color-filled').trim();
  const probe = document.createElement('span');
  probe.style.color = primary;
  document.body.append(probe);
  const primaryRgb = getComputedStyle(probe).color;
  probe.remove();
  const bordered = (node) => node && getComputedStyle(node).borderTopColor === primaryRgb;
  // A password field's input sits in a wrapper that draws the border.
  if (/^(INPUT|TEXTAREA)$/.test(el.tagName) && (bordered(el) || bordered(el.parentElement)))
    return 'visible';
  return 'no visible focus on ' + el.outerHTML.slice(0, 160) + ' border ' + s.borderTopColor + ' primary ' + primaryRgb + ' outline ' + s.outlineStyle + ' ' + s.outlineWidth;
})()`;

/** Fails unless whatever has the focus shows it (after the border's short colour transition). */
export async function expectVisibleFocus(page: Page): Promise<void> {
  await expect.poll(() => page.evaluate<string>(describeFocus), { timeout: 5_000 }).toBe('visible');
}

/** True when the target, or something inside it, has the focus. */
export async function hasFocus(target: Locator): Promise<boolean> {
  return target
    .first()
    .evaluate((el) => {
      const doc = (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument;
      const node = el as unknown as { contains(other: unknown): boolean };
      return node.contains(doc.activeElement);
    })
    .catch(() => false);
}

/** Presses Tab (or Shift+Tab) until the target has the focus, then checks the focus shows. */
export async function tabTo(
  page: Page,
  target: Locator,
  { backwards = false, max = 120 } = {},
): Promise<void> {
  // Attached, not visible: a segmented control's radios are hidden behind their labels.
  await target.first().waitFor({ state: 'attached' });
  for (let presses = 0; presses <= max; presses += 1) {
    if (await hasFocus(target)) return expectVisibleFocus(page);
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    // A dialog's focus trap lets the browser move the focus out of a date field (it has tab stops
    // of its own), then checks on a zero-delay timer where it went, and puts it on the next
    // control if it went elsewhere. Chromium runs key events before timers when it is busy: a
    // second Tab (date → Cancel → Raise finding) could come first, then the late check moved the
    // focus back to Cancel, and the Enter meant for "Raise finding" closed the dialog unsaved.
    await letTimersRun(page);
  }
  throw new Error(`Tab never reached ${target.toString()} in ${max} presses`);
}

/**
 * Lets the page run the zero-delay timers its last key event left, as they run between the
 * keystrokes of a person (a busy Chromium handles queued key events first).
 */
async function letTimersRun(page: Page): Promise<void> {
  await page.evaluate(() => new Promise((resolve) => setTimeout(resolve, 0)));
}

/** Tabs to a field and types into it. */
export async function typeInto(page: Page, field: Locator, text: string): Promise<void> {
  await tabTo(page, field);
  await page.keyboard.type(text);
}

/** Tabs to a control and presses Enter on it. */
export async function activate(page: Page, control: Locator): Promise<void> {
  await tabTo(page, control);
  await page.keyboard.press('Enter');
}

/**
 * Chooses an option of a Mantine Select or Autocomplete with the arrow keys: opens the list,
 * walks down until the wanted option is the highlighted one, and presses Enter.
 */
export async function chooseWithKeys(
  page: Page,
  combobox: Locator,
  option: string | RegExp,
): Promise<void> {
  await tabTo(page, combobox);
  // Enter on the option already chosen would clear it (Mantine lets a choice be undone).
  const current = await combobox.first().inputValue();
  if (typeof option === 'string' ? current === option : option.test(current)) return;
  const wanted = page.getByRole('option', { name: option }).first();
  await page.keyboard.press('ArrowDown');
  await wanted.waitFor({ state: 'visible' });
  // Opening the list leaves Mantine two zero-delay timers that re-read which option is highlighted
  // (the chosen one, none here). Chromium runs key events before timers when it is busy, so an
  // arrow pressed first was highlighted and then forgotten: Enter took nothing. Let those timers
  // run, as they do between the keystrokes of a person.
  await letTimersRun(page);
  for (let steps = 0; steps < 200; steps += 1) {
    // The option the list announces (aria-activedescendant) is the one Enter takes: wait for the
    // wanted option to be announced, not only highlighted, before pressing it.
    const announced = await combobox.first().getAttribute('aria-activedescendant');
    if (announced !== null && announced === (await wanted.getAttribute('id'))) {
      await page.keyboard.press('Enter');
      await expect.poll(() => combobox.first().inputValue()).toMatch(option);
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`The arrow keys never reached the option ${String(option)}`);
}
