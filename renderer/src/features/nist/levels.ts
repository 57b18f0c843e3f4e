import type { NistCoverageLevel } from '../../../../shared/rules/nist-coverage';

export const levelLabels: Record<NistCoverageLevel, string> = {
  supported: 'Supported',
  partly: 'Partly supported',
  unsupported: 'Not supported yet',
  unmapped: 'No 42001 counterpart',
};

export const levelColours: Record<NistCoverageLevel, string> = {
  supported: 'teal.6',
  partly: 'yellow.5',
  unsupported: 'red.6',
  unmapped: 'gray.4',
};

export const levelHelp: Record<NistCoverageLevel, string> = {
  supported: 'A requirement that is equivalent to it or covers part of it is conformant.',
  partly:
    'A related requirement is partially conformant, or one that only supports it is conformant.',
  unsupported: 'Related requirements are nonconformant or not assessed yet.',
  unmapped: 'No requirement in this assessment’s scope relates to it in our crosswalk.',
};
