/** Words shared by the signed records (audit report, minutes), for both renderers. */
import type { ReportSigner } from '../types';
import type { Column } from './columns';
import type { RecordDocument, RecordTable } from '../record/types';

/** Who the record is for and by, and when: what every record's data carries. */
export interface RecordMaker {
  clientName: string;
  consultancy: string;
  accent: string | null;
  generatedAt: string;
  appVersion: string;
}

/** The parts of a record its maker decides: client, footer (naming `area`), accent, when. */
export const madeBy = (d: RecordMaker, area: string) => ({
  client: d.clientName,
  footer: `${d.consultancy || 'Assay'} — ISO/IEC 42001 ${area}`,
  accent: d.accent,
  generatedAt: d.generatedAt,
  appVersion: d.appVersion,
});

export const signOffTitle = 'Sign-off';

/** What signing attests, and for the Word edition that the signed PDF is the record. */
export function recordSignOffIntro(doc: RecordDocument, editable: boolean): string {
  return editable
    ? `${doc.attests} This is the editable Word edition: it carries no digital signature; the signed PDF edition is the record.`
    : `${doc.attests} Any change to this file after signing invalidates the signature.`;
}

/** The running header's right side: the signer, or that it is a draft. */
export const recordMark = (signer: ReportSigner | null, draft: string) =>
  signer ? `Signed off by ${signer.name}` : draft;

/** A record table's columns as both kits take them: each row is its cells in order. */
export const recordColumns = (t: RecordTable): Column<string[]>[] =>
  t.columns.map((c, i) => ({ ...c, cell: (row) => row[i] ?? '' }));
