/** The risk fields a spreadsheet column can be mapped to on import, with the headers we recognise. */
export const importFields = [
  {
    key: 'ref',
    label: 'Ref',
    required: false,
    aliases: ['ref', 'id', 'risk id', 'risk ref', 'no', 'number'],
  },
  {
    key: 'title',
    label: 'Title',
    required: true,
    aliases: ['title', 'risk', 'risk title', 'name', 'risk name'],
  },
  {
    key: 'description',
    label: 'Description',
    required: false,
    aliases: ['description', 'details', 'risk description'],
  },
  {
    key: 'aiSystems',
    label: 'AI systems',
    required: false,
    aliases: ['ai systems', 'ai system', 'systems', 'system'],
  },
  {
    key: 'riskSource',
    label: 'Risk source',
    required: false,
    aliases: ['risk source', 'source', 'annex c source'],
  },
  {
    key: 'objectives',
    label: 'Objectives',
    required: false,
    aliases: ['objectives', 'objective', 'objectives affected'],
  },
  {
    key: 'likelihood',
    label: 'Likelihood',
    required: true,
    aliases: ['likelihood', 'probability', 'inherent likelihood', 'l'],
  },
  {
    key: 'impact',
    label: 'Impact',
    required: true,
    aliases: ['impact', 'consequence', 'severity', 'inherent impact', 'i'],
  },
  {
    key: 'treatmentOption',
    label: 'Treatment',
    required: false,
    aliases: ['treatment', 'treatment option', 'response'],
  },
  {
    key: 'treatmentPlan',
    label: 'Treatment plan',
    required: false,
    aliases: ['treatment plan', 'plan', 'actions', 'mitigation'],
  },
  {
    key: 'controls',
    label: 'Controls',
    required: false,
    aliases: ['controls', 'annex a controls', 'control'],
  },
  {
    key: 'residualLikelihood',
    label: 'Residual likelihood',
    required: false,
    aliases: ['residual likelihood', 'residual probability'],
  },
  {
    key: 'residualImpact',
    label: 'Residual impact',
    required: false,
    aliases: ['residual impact', 'residual consequence'],
  },
  { key: 'owner', label: 'Owner', required: false, aliases: ['owner', 'risk owner'] },
  {
    key: 'dueDate',
    label: 'Due date',
    required: false,
    aliases: ['due date', 'due', 'target date'],
  },
  { key: 'status', label: 'Status', required: false, aliases: ['status', 'state'] },
] as const;

export type ImportFieldKey = (typeof importFields)[number]['key'];
export const importFieldKeys = importFields.map((f) => f.key) as ImportFieldKey[];

/** The most data rows one import takes; larger registers are split into several files. */
export const IMPORT_MAX_ROWS = 20_000;
/** The largest file accepted, in bytes. */
export const IMPORT_MAX_BYTES = 20 * 1024 * 1024;
