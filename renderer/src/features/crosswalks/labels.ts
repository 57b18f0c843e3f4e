import type { CrosswalkConfidence, CrosswalkRelation } from '../../../../shared/crosswalk/format';
export { confidenceRank, relationRank } from '../../../../shared/crosswalk/format';

export const relationLabel: Record<CrosswalkRelation, string> = {
  equivalent: 'Equivalent',
  'covers-part': 'Covers part',
  supports: 'Supports',
};

export const relationHelp: Record<CrosswalkRelation, string> = {
  equivalent: 'Both ask for the same thing; one process can serve both once its scope includes AI.',
  'covers-part':
    'They overlap: meeting one meets part of the other. The rationale says which part.',
  supports: 'Meeting one helps with the other without meeting any part of it directly.',
};

export const relationColor: Record<CrosswalkRelation, string> = {
  equivalent: 'teal',
  'covers-part': 'blue',
  supports: 'gray',
};

export const confidenceLabel: Record<CrosswalkConfidence, string> = {
  high: 'High confidence',
  medium: 'Medium confidence',
  low: 'Low confidence',
};
