import type * as texts from './texts';

/** A seeded generator: 0 ≤ n < 1, the same sequence for the same seed. */
export type Rng = () => number;

export type DemoTexts = typeof texts;

/**
 * What the orchestrator hands each room's demo seed. Rooms import these types only (`import
 * type`), never demo/ at run time, so the orchestrator can import every room without a cycle.
 */
export interface DemoKit {
  rng: Rng;
  /** One rng() draw: an item of a non-empty list. */
  pick: <T>(items: readonly T[]) => T;
  texts: DemoTexts;
  /** The large demo (benchmarks): every requirement answered, long notes, many findings. */
  large: boolean;
}

/** What the evidence and risk rooms' seeds receive for one demo engagement. */
export interface DemoScope {
  engagementId: string;
  /** Requirements answered in the engagement's assessment, in catalog order. */
  requirementIds: string[];
  /** Findings raised in that assessment. */
  findingIds: string[];
  /** How much the room seeds for this engagement (large: the 10,000-risk register). */
  size: 'small' | 'large';
  rng: Rng;
  pick: <T>(items: readonly T[]) => T;
}
