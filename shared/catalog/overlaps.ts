import type { Overlap } from './guidance';

/** The overlaps a requirement takes part in. */
export function overlapsOf(overlaps: readonly Overlap[], ref: string): Overlap[] {
  return overlaps.filter((o) => o.sides.some((s) => s.ref === ref));
}

/**
 * The requirement whose score a missing artefact counts against. Where `ref` shares the artefact
 * with another requirement through an overlap, the overlap names one owner; otherwise `ref` owns
 * it. Readiness rules use this so that one missing AI policy, say, is scored under clause 5.2 and
 * not again under control A.2.2.
 */
export function artefactOwner(overlaps: readonly Overlap[], ref: string, evidence: string): string {
  for (const overlap of overlapsOf(overlaps, ref)) {
    const artefact = overlap.artefacts.find((a) => a.evidence === evidence);
    if (artefact) return artefact.owner;
  }
  return ref;
}

/** Whether a missing `evidence` should count against `ref` itself. */
export function scoresArtefact(
  overlaps: readonly Overlap[],
  ref: string,
  evidence: string,
): boolean {
  return artefactOwner(overlaps, ref, evidence) === ref;
}
