/**
 * A short signed record (an internal audit report, management-review minutes): titled sections
 * of plain blocks, already in words, so both renderers (PDF and Word) draw the same document and
 * it crosses to the report worker as plain data.
 */
export interface RecordTable {
  columns: { title: string; width: number | '*'; mono?: boolean }[];
  rows: string[][];
}

export type RecordBlock =
  | { kind: 'text'; text: string }
  | { kind: 'muted'; text: string }
  | { kind: 'subheading'; text: string }
  | { kind: 'pairs'; pairs: [string, string][] }
  | { kind: 'bullets'; items: string[] }
  | { kind: 'table'; table: RecordTable };

export interface RecordSection {
  title: string;
  blocks: RecordBlock[];
}

export const recordKinds = ['audit-report', 'review-minutes'] as const;
export type RecordKind = (typeof recordKinds)[number];

export interface RecordDocument {
  kind: RecordKind;
  /** "Internal audit report", "Management review minutes". */
  title: string;
  /** The audit's or review's own title. */
  subject: string;
  client: string;
  /** The footer's left side (the consultancy, or Assay). */
  footer: string;
  accent: string | null;
  generatedAt: string;
  appVersion: string;
  /** Facts under the title: when, who, criteria … */
  facts: [string, string][];
  sections: RecordSection[];
  /** What signing this record attests (the sign-off's first sentence). */
  attests: string;
}
