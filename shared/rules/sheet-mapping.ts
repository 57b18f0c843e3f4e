/**
 * Column mapping for a spreadsheet import: which column holds which field. Shared by every
 * import that shows a mapping preview (the risk register, a client's ISO/IEC 27001 SoA).
 */

/** A field a column can be mapped to, with the header names we recognise for it. */
export interface SheetField<K extends string = string> {
  key: K;
  label: string;
  required: boolean;
  aliases: readonly string[];
}

/** A problem reported against a row of the sheet (the header is row 1). */
export interface SheetRowError {
  row: number;
  field: string | null;
  message: string;
}

export type SheetMapping<K extends string = string> = Partial<Record<K, number | null>>;

/** Lower case, punctuation as spaces, single spaces: "Risk_ID:" and "risk id" compare equal. */
export function normaliseHeader(header: string): string {
  return header
    .toLowerCase()
    .replace(/[_\-.:()?]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Proposes a column for each field whose header matches one of its known names. */
export function proposeMapping<K extends string>(
  fields: readonly SheetField<K>[],
  headers: string[],
): Record<K, number | null> {
  const normalised = headers.map(normaliseHeader);
  const used = new Set<number>();
  const mapping = {} as Record<K, number | null>;
  for (const field of fields) {
    const index = normalised.findIndex((h, i) => !used.has(i) && field.aliases.includes(h));
    mapping[field.key] = index >= 0 ? index : null;
    if (index >= 0) used.add(index);
  }
  return mapping;
}

/** Problems with the mapping itself, reported against the header row. */
export function mappingErrors<K extends string>(
  fields: readonly SheetField<K>[],
  mapping: SheetMapping<K>,
  headers: string[],
): SheetRowError[] {
  const errors: SheetRowError[] = [];
  const seen = new Map<number, string>();
  for (const field of fields) {
    const index = mapping[field.key];
    if (index === null || index === undefined) {
      if (field.required) {
        errors.push({
          row: 1,
          field: field.key,
          message: `No column is mapped to ${field.label}, which is required (columns found: ${headers.slice(0, 12).join(', ')}).`,
        });
      }
      continue;
    }
    if (index >= headers.length) {
      errors.push({
        row: 1,
        field: field.key,
        message: `${field.label} points at a column the sheet does not have.`,
      });
    } else if (seen.has(index)) {
      errors.push({
        row: 1,
        field: field.key,
        message: `Column "${headers[index]}" is mapped to both ${seen.get(index)} and ${field.label}.`,
      });
    }
    seen.set(index, field.label);
  }
  return errors;
}

/** Every field's column, null where none is mapped (the shape a preview answers). */
export function fullMapping<K extends string>(
  fields: readonly SheetField<K>[],
  mapping: SheetMapping<K>,
): Record<string, number | null> {
  const out: Record<string, number | null> = {};
  for (const field of fields) out[field.key] = mapping[field.key] ?? null;
  return out;
}

/** The first rows of a sheet as mapped field → cell text, for the preview table. */
export function previewRows<K extends string>(
  fields: readonly SheetField<K>[],
  mapping: SheetMapping<K>,
  rows: string[][],
  limit = 20,
): { row: number; values: Record<string, string> }[] {
  return rows.slice(0, limit).map((cells, i) => {
    const values: Record<string, string> = {};
    for (const field of fields) {
      const index = mapping[field.key];
      if (index !== null && index !== undefined) values[field.key] = cells[index] ?? '';
    }
    return { row: i + 2, values };
  });
}

/** "3 problems in soa.xlsx; nothing was imported. row 4 (status): …" */
export function importRefusal(fileName: string, errors: SheetRowError[]): string {
  const first = errors
    .slice(0, 3)
    .map((e) => `row ${e.row}${e.field ? ` (${e.field})` : ''}: ${e.message}`)
    .join('; ');
  return `${errors.length} problem${errors.length === 1 ? '' : 's'} in ${fileName}; nothing was imported. ${first}`;
}
