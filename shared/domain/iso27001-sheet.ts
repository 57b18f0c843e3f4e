import type { SheetField } from '../rules/sheet-mapping';

/** The framework id of the ISO/IEC 27001:2022 reference catalog. */
export const ISO_27001 = 'iso-iec-27001-2022';

/**
 * The fields of a client's ISO/IEC 27001 Statement of Applicability or assessment sheet that an
 * import reads, with the column headers we recognise for each (compared after normaliseHeader).
 */
export const iso27001SheetFields = [
  {
    key: 'control',
    label: 'Control',
    required: true,
    aliases: [
      'control',
      'control id',
      'control ref',
      'control no',
      'control number',
      'annex a control',
      'annex a ref',
      'clause',
      'ref',
      'reference',
      'id',
      'no',
      'number',
      'iso 27001 control',
      'iso 27001 ref',
    ],
  },
  {
    key: 'title',
    label: 'Title',
    required: false,
    aliases: ['title', 'control name', 'control title', 'name', 'clause title'],
  },
  {
    key: 'applicability',
    label: 'Applicability',
    required: false,
    aliases: ['applicable', 'applicability', 'included', 'selected', 'in scope', 'in soa'],
  },
  {
    key: 'status',
    label: 'Status',
    required: false,
    aliases: [
      'status',
      'implementation status',
      'implementation',
      'implemented',
      'state',
      'control status',
    ],
  },
  {
    key: 'justification',
    label: 'Justification',
    required: false,
    aliases: [
      'justification',
      'justification for inclusion',
      'justification for exclusion',
      'justification for inclusion or exclusion',
      'reason',
      'rationale',
    ],
  },
  {
    key: 'notes',
    label: 'Notes',
    required: false,
    aliases: ['notes', 'note', 'comments', 'comment', 'remarks', 'observations'],
  },
  {
    key: 'evidence',
    label: 'Evidence',
    required: false,
    aliases: [
      'evidence',
      'evidence reference',
      'evidence references',
      'documents',
      'document',
      'reference documents',
      'documentation',
      'records',
    ],
  },
] as const satisfies readonly SheetField[];

export type Iso27001FieldKey = (typeof iso27001SheetFields)[number]['key'];
export const iso27001FieldKeys = iso27001SheetFields.map((f) => f.key) as Iso27001FieldKey[];

/** How a bare number such as "5.1" is read: ISO/IEC 27001 numbers clauses and Annex A alike. */
export const plainNumberReadings = ['annex-a', 'clauses'] as const;
export type PlainNumberReading = (typeof plainNumberReadings)[number];
export const plainNumberLabels: Record<PlainNumberReading, string> = {
  'annex-a': 'Annex A controls (5.1 is A.5.1)',
  clauses: 'Clauses (5.1 is clause 5.1)',
};

export const applicabilities = ['applicable', 'not-applicable'] as const;
export type Applicability = (typeof applicabilities)[number];

/** The most rows one sheet may hold: 27001 has 126 clauses and controls, so this is generous. */
export const ISO27001_MAX_ROWS = 2_000;
