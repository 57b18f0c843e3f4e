/**
 * What only the desktop shell can do, handed to the core when it starts (electron/main.ts passes
 * them; the CLI, browser mode and tests pass none or their own fakes). Paths these return were
 * chosen by the person in a native dialog, so they are trusted the way CLI arguments are; the
 * renderer itself never sends a path.
 */
export interface PlatformHooks {
  /** The system open dialog; resolves to the chosen files, or [] when cancelled. */
  pickFiles?: () => Promise<string[]>;
  /** Opens a file with the operating system's application; resolves to '' or an error text. */
  openPath?: (file: string) => Promise<string>;
}
