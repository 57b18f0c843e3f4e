/** The part of pino-roll (which ships no types) that the log uses. */
declare module 'pino-roll' {
  import type { DestinationStream } from 'pino';

  interface RollOptions {
    /** Path without number or extension: `logs/assay` becomes `logs/assay.1.log`, `.2.log` … */
    file: string;
    extension?: string;
    /** Roll over once a file reaches this size ('5m', '500k'). */
    size?: string;
    /** Keep this many files besides the current one; with removeOtherLogFiles, across runs too. */
    limit?: { count: number; removeOtherLogFiles?: boolean };
    /** sonic-boom: write synchronously, so a line is on disk before process.exit(). */
    sync?: boolean;
    /** sonic-boom: the mode a new file is created with. */
    mode?: number;
  }

  /** A sonic-boom stream that pino-roll reopens on the next file as it rolls over. */
  export interface RollingFile extends DestinationStream {
    /** The file written now. */
    readonly file: string;
    end(): void;
    on(event: 'error', listener: (error: Error) => void): this;
  }

  export default function roll(options: RollOptions): Promise<RollingFile>;
}
