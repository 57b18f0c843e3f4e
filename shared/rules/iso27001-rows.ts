import {
  implementationStatuses,
  implementationStatusLabels,
  type ImplementationStatus,
} from '../domain/assessment';
import {
  type Applicability,
  type Iso27001FieldKey,
  type PlainNumberReading,
} from '../domain/iso27001-sheet';
import type { SheetMapping, SheetRowError } from './sheet-mapping';

/** A clause or Annex A control of the ISO/IEC 27001 catalog, as the import matches rows to it. */
export interface Iso27001Entry {
  ref: string;
  title: string;
  kind: 'clause' | 'control';
}

/** One row of a client's 27001 sheet, matched to the catalog and read into our vocabulary. */
export interface Iso27001Row {
  /** The sheet's own row number (the header is row 1). */
  row: number;
  /** The catalog ref: "A.5.1" for an Annex A control, "5.1" for a clause. */
  ref: string;
  /** What the sheet wrote in its control column. */
  sheetRef: string;
  applicability: Applicability | null;
  status: ImplementationStatus | null;
  /** The sheet's status wording, kept as written. */
  statusText: string;
  justification: string;
  notes: string;
  /** Evidence references, one per line or semicolon of the evidence cell. */
  evidence: string[];
}

const MAX_TEXT = 20_000;

const applicabilityWords: Record<string, Applicability> = {
  yes: 'applicable',
  y: 'applicable',
  true: 'applicable',
  '1': 'applicable',
  x: 'applicable',
  applicable: 'applicable',
  included: 'applicable',
  include: 'applicable',
  selected: 'applicable',
  'in scope': 'applicable',
  no: 'not-applicable',
  n: 'not-applicable',
  false: 'not-applicable',
  '0': 'not-applicable',
  'n/a': 'not-applicable',
  na: 'not-applicable',
  'not applicable': 'not-applicable',
  excluded: 'not-applicable',
  exclude: 'not-applicable',
  'not selected': 'not-applicable',
  'out of scope': 'not-applicable',
};

const statusWords: Record<string, ImplementationStatus> = {
  ...Object.fromEntries(implementationStatuses.map((s) => [s.replace(/-/g, ' '), s])),
  ...Object.fromEntries(
    implementationStatuses.map((s) => [implementationStatusLabels[s].toLowerCase(), s]),
  ),
  yes: 'implemented',
  done: 'implemented',
  complete: 'implemented',
  completed: 'implemented',
  'in place': 'implemented',
  'fully implemented': 'implemented',
  effective: 'implemented',
  operational: 'implemented',
  partial: 'partially-implemented',
  partially: 'partially-implemented',
  'in progress': 'partially-implemented',
  ongoing: 'partially-implemented',
  'partly implemented': 'partially-implemented',
  'to do': 'planned',
  todo: 'planned',
  scheduled: 'planned',
  'not started': 'not-implemented',
  no: 'not-implemented',
  none: 'not-implemented',
  missing: 'not-implemented',
  'not in place': 'not-implemented',
  'n/a': 'not-applicable',
  na: 'not-applicable',
};

const words = (v: string) => v.toLowerCase().replace(/[_.]+/g, ' ').replace(/\s+/g, ' ').trim();

export function readApplicability(v: string): Applicability | null | undefined {
  if (!v.trim()) return null;
  return applicabilityWords[words(v).replace(/ ?\/ ?/g, '/')];
}

export function readStatus(v: string): ImplementationStatus | null | undefined {
  if (!v.trim()) return null;
  const w = words(v).replace(/-/g, ' ');
  return statusWords[w] ?? statusWords[w.replace(/ ?\/ ?/g, '/')];
}

/** "A.5.1", "A 5.1", "Annex A 5.1", "Clause 6.1.2", "5.1 Policies…" → its parts; null if none. */
export function parseControlCell(
  cell: string,
): { annex: boolean; clause: boolean; number: string; rest: string } | null {
  const m =
    /^\s*(?:(clause)\s*|(?:annex\s*)?(a)\s*\.?\s*)?(\d{1,2}(?:\.\d{1,2}){0,2})(?!\.?\d)\.?(.*)$/i.exec(
      cell,
    );
  if (!m) return null;
  return {
    clause: Boolean(m[1]),
    annex: Boolean(m[2]),
    number: m[3] ?? '',
    rest: (m[4] ?? '').replace(/^[\s:–—-]+/, '').trim(),
  };
}

const sameTitle = (a: string, b: string) => {
  const x = words(a).replace(/[^a-z0-9 ]/g, '');
  const y = words(b).replace(/[^a-z0-9 ]/g, '');
  return x.length > 0 && y.length > 0 && (x === y || x.includes(y) || y.includes(x));
};

interface Candidates {
  clause: Iso27001Entry | undefined;
  control: Iso27001Entry | undefined;
}

function candidatesOf(
  parsed: NonNullable<ReturnType<typeof parseControlCell>>,
  byRef: Map<string, Iso27001Entry>,
): Candidates {
  const clause = parsed.annex ? undefined : byRef.get(parsed.number);
  const control = parsed.clause ? undefined : byRef.get(`A.${parsed.number}`);
  return {
    clause: clause?.kind === 'clause' ? clause : undefined,
    control: control?.kind === 'control' ? control : undefined,
  };
}

/**
 * How bare numbers are read when the sheet does not say: a sheet that writes "A." anywhere uses
 * bare numbers for clauses; otherwise the numbers only one reading knows (4.x, 9.x, 10.x and
 * three-part numbers are clauses; 5.4–5.37, 6.4–6.8, 7.6–7.14, 8.4–8.34 are Annex A) decide,
 * and a sheet of only shared numbers is taken as an SoA, which lists Annex A controls.
 */
export function guessPlainNumbers(
  cells: string[],
  byRef: Map<string, Iso27001Entry>,
): PlainNumberReading {
  let clauseOnly = 0;
  let annexOnly = 0;
  for (const cell of cells) {
    const parsed = parseControlCell(cell);
    if (!parsed) continue;
    if (parsed.annex) return 'clauses';
    if (parsed.clause) continue;
    const c = candidatesOf(parsed, byRef);
    if (c.clause && !c.control) clauseOnly += 1;
    if (c.control && !c.clause) annexOnly += 1;
  }
  return clauseOnly > annexOnly ? 'clauses' : 'annex-a';
}

const splitEvidence = (v: string) =>
  [
    ...new Set(
      v
        .split(/[;\n]+/)
        .map((s) => s.trim())
        .filter(Boolean),
    ),
  ].slice(0, 50);

/**
 * Reads every data row of a 27001 sheet. A row that names no known clause or control, names one
 * twice, or uses an applicability or status word we cannot read is an error: the import then
 * takes nothing (the preview lists the errors so the consultant can fix the sheet or the mapping).
 */
export function convertIso27001Rows(
  rows: string[][],
  mapping: SheetMapping<Iso27001FieldKey>,
  catalog: readonly Iso27001Entry[],
  reading?: PlainNumberReading,
): { rows: Iso27001Row[]; errors: SheetRowError[]; plainNumbers: PlainNumberReading } {
  const byRef = new Map(catalog.map((e) => [e.ref, e]));
  const get = (cells: string[], key: Iso27001FieldKey) => {
    const index = mapping[key];
    return index === null || index === undefined ? '' : (cells[index] ?? '').trim();
  };
  const plainNumbers =
    reading ??
    guessPlainNumbers(
      rows.map((c) => get(c, 'control')),
      byRef,
    );
  const out: Iso27001Row[] = [];
  const errors: SheetRowError[] = [];
  const seen = new Map<string, number>();
  rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c.trim())) return;
    const fail = (field: Iso27001FieldKey, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    const cell = get(cells, 'control');
    const parsed = cell ? parseControlCell(cell) : null;
    let entry: Iso27001Entry | undefined;
    if (!cell) fail('control', 'is empty; every row needs the clause or control it is about');
    else if (!parsed)
      fail('control', `"${cell.slice(0, 60)}" is not a clause or Annex A control number`);
    else {
      const c = candidatesOf(parsed, byRef);
      const title = get(cells, 'title') || parsed.rest;
      if (c.clause && c.control) {
        const byTitle = [c.clause, c.control].filter((e) => title && sameTitle(e.title, title));
        entry =
          byTitle.length === 1 ? byTitle[0] : plainNumbers === 'clauses' ? c.clause : c.control;
      } else entry = c.clause ?? c.control;
      if (!entry) {
        const wanted = parsed.annex ? `A.${parsed.number}` : parsed.number;
        fail(
          'control',
          `"${cell.slice(0, 60)}" is not a clause or Annex A control of ISO/IEC 27001:2022 (${wanted} does not exist there)`,
        );
      } else if (seen.has(entry.ref)) {
        fail(
          'control',
          `${entry.ref} appears twice in the sheet (rows ${seen.get(entry.ref)} and ${row})`,
        );
      } else seen.set(entry.ref, row);
    }
    const applicabilityText = get(cells, 'applicability');
    let applicability = readApplicability(applicabilityText);
    if (applicability === undefined) {
      fail(
        'applicability',
        `"${applicabilityText.slice(0, 40)}" is not an applicability we can read (use yes/no, applicable/not applicable, included/excluded)`,
      );
      applicability = null;
    }
    const statusText = get(cells, 'status');
    let status = readStatus(statusText);
    if (status === undefined) {
      fail(
        'status',
        `"${statusText.slice(0, 40)}" is not a status we can read (use ${implementationStatuses.map((s) => implementationStatusLabels[s].toLowerCase()).join(', ')})`,
      );
      status = null;
    }
    if (status === 'not-applicable' && applicability === null) applicability = 'not-applicable';
    if (applicability === 'not-applicable' && status !== null && status !== 'not-applicable')
      fail(
        'status',
        `says "${statusText}" for a control the sheet marks not applicable; one of the two is wrong`,
      );
    const text = (key: Iso27001FieldKey) => {
      const v = get(cells, key);
      if (v.length > MAX_TEXT)
        fail(key, `is longer than ${MAX_TEXT.toLocaleString('en')} characters`);
      return v.slice(0, MAX_TEXT);
    };
    const justification = text('justification');
    const notes = text('notes');
    const evidence = splitEvidence(text('evidence')).map((e) => e.slice(0, 300));
    if (errors.length > before || !entry) return;
    out.push({
      row,
      ref: entry.ref,
      sheetRef: cell.slice(0, 100),
      applicability,
      status,
      statusText: statusText.slice(0, 100),
      justification,
      notes,
      evidence,
    });
  });
  if (out.length === 0 && errors.length === 0)
    errors.push({ row: 1, field: null, message: 'The sheet has no data rows.' });
  return { rows: out, errors, plainNumbers };
}
