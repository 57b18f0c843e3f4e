import {
  Badge,
  createTheme,
  Drawer,
  FileInput,
  Loader,
  Modal,
  Notification,
  SegmentedControl,
  Switch,
  type CSSVariablesResolver,
  type MantineColorsTuple,
} from '@mantine/core';
import { controlBorder, text, uiHues, type UiHue } from '../../shared/ui/palette';

/**
 * The one place the app's look is decided, and where WCAG 2.2 AA contrast is kept: colours come
 * from shared/ui/palette.ts (tested there), Mantine's own variables and component defaults do
 * the rest, so no screen needs a colour fix of its own.
 */
const colors = Object.fromEntries(
  Object.entries(uiHues).map(([hue, tuple]) => [hue, [...tuple] as unknown as MantineColorsTuple]),
) as Record<UiHue, MantineColorsTuple>;

// A dialog's close button is an icon: without a name a screen reader says only "button".
const closeButtonProps = { 'aria-label': 'Close' };

export const theme = createTheme({
  primaryColor: 'indigo',
  colors: {
    ...colors,
    // Gray 4 draws the borders of inputs, checkboxes, radios and default buttons: WCAG 1.4.11
    // wants 3:1 against the page for them, which Mantine's #ced4da (1.5:1) does not give.
    gray: [...uiHues.gray.slice(0, 4), controlBorder, '#737b83', ...uiHues.gray.slice(6)] as [
      string,
      ...string[],
    ] as unknown as MantineColorsTuple,
  },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Liberation Sans", sans-serif',
  defaultRadius: 'sm',
  // Honour the system's "reduce motion": no sliding drawers or fading dialogs for those who asked.
  respectReducedMotion: true,
  // The focus ring shows for keyboard use; it is the primary colour's shade 6, 5:1 on white.
  focusRing: 'auto',
  components: {
    Modal: Modal.extend({ defaultProps: { closeButtonProps } }),
    Drawer: Drawer.extend({ defaultProps: { closeButtonProps } }),
    // A toast ("Imported 126 rows …") is closed with the same named button.
    Notification: Notification.extend({ defaultProps: { closeButtonProps } }),
    // A clearable file field's × appears once a file is chosen; it needs a name too.
    FileInput: FileInput.extend({
      defaultProps: { clearButtonProps: { 'aria-label': 'Clear the chosen file' } },
    }),
    // A spinner is a <span>; the name it is given ("Loading evidence") is allowed on it, and read
    // out, only when it has a role.
    Loader: Loader.extend({ defaultProps: { role: 'status' } }),
    // A badge never hides its label behind an ellipsis: a status cut to "IN P…" tells nobody
    // anything. It keeps its whole label on one line and the table or group around it makes room.
    Badge: Badge.extend({
      styles: {
        root: { flexShrink: 0, maxWidth: 'none' },
        label: { overflow: 'visible', textOverflow: 'clip' },
      },
    }),
    // The unchecked track is a light gray on white; its outline lets the control be seen (3:1).
    Switch: Switch.extend({ styles: { track: { border: `1px solid ${controlBorder}` } } }),
    // The chosen segment is the one with an outline, not only the one a shade lighter.
    SegmentedControl: SegmentedControl.extend({
      styles: { indicator: { border: `1px solid ${controlBorder}` } },
    }),
  },
});

/** Mantine's quiet text ("dimmed", placeholders) is gray 6 at 3.3:1; ours reads at 4.6:1. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': text.dimmed,
    '--mantine-color-placeholder': text.dimmed,
    '--mantine-color-text': text.ink,
  },
  dark: {},
});
