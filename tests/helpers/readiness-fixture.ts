import fs from 'node:fs';
import path from 'node:path';
import { catalogSchema, type Overlap } from '../../shared/catalog/format';
import { documentItems } from '../../shared/rules/documented-information';
import type { ReadinessInput } from '../../shared/rules/readiness';
import type { Result } from '../../shared/domain/assessment';
import { projectRoot } from './core';

/**
 * Readiness inputs built on the shipped ISO/IEC 42001 catalog (its 70 assessable requirements and
 * its overlaps): `prepared()` is an assessment a certification body would take to stage 2, and
 * each case changes one thing in it.
 */
const catalog = catalogSchema.parse(
  JSON.parse(
    fs.readFileSync(
      path.join(projectRoot, 'resources', 'frameworks', 'iso-iec-42001.json'),
      'utf8',
    ),
  ),
);

export const assessableRefs: string[] = catalog.nodes.filter((n) => n.assessable).map((n) => n.ref);
export const clauseRefs = assessableRefs.filter((ref) => !ref.startsWith('A.'));
export const controlRefs = assessableRefs.filter((ref) => ref.startsWith('A.'));
export const overlaps: Overlap[] = catalog.overlaps;
export const TODAY = '2026-10-05';

export function answers(refs: readonly string[], result: Result): Record<string, Result> {
  return Object.fromEntries(refs.map((ref) => [ref, result]));
}

/** Everything conformant, the SoA decided with reasons, every document in place, audit and review held. */
export function prepared(): ReadinessInput {
  return {
    requirements: assessableRefs.map((ref) => ({ ref })),
    excludedAreas: [],
    responses: answers(assessableRefs, 'conformant'),
    findings: [],
    soa: controlRefs.map((ref) => ({
      ref,
      applicable: true,
      justification: `Treats the AI risks of the systems in scope (${ref}).`,
    })),
    documents: documentItems.map((item) => ({
      key: item.key,
      exists: true,
      approved: true,
      current: true,
      reviewDate: '2027-06-30',
    })),
    cycle: [
      {
        kind: 'internal-audit',
        source: 'documented-information',
        label: 'Internal audit results',
        completed: true,
        completedOn: null,
      },
      {
        kind: 'management-review',
        source: 'documented-information',
        label: 'Management review results',
        completed: true,
        completedOn: null,
      },
    ],
    overlaps,
    asOf: TODAY,
  };
}
