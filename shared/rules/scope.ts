/**
 * Scope areas of an assessment: the clause numbers 4–10 and the Annex A areas A.2–A.10. An
 * assessment may leave areas out; every assessable requirement belongs to exactly one area.
 */
export function areaOf(ref: string): string {
  const parts = ref.split('.');
  return parts[0] === 'A' ? `A.${parts[1] ?? ''}` : (parts[0] ?? ref);
}

export function isAnnexA(ref: string): boolean {
  return ref.startsWith('A.');
}

export function inScope(ref: string, excludedAreas: readonly string[]): boolean {
  return !excludedAreas.includes(areaOf(ref));
}

/** Sorts refs like 4.1, 4.10, A.2.2, A.10.3 in the standard's order. */
export function compareRefs(a: string, b: string): number {
  const key = (ref: string) => {
    const annex = ref.startsWith('A.') ? 1 : 0;
    const nums = ref
      .replace(/^A\./, '')
      .split('.')
      .map((n) => Number(n));
    return { annex, nums };
  };
  const ka = key(a);
  const kb = key(b);
  if (ka.annex !== kb.annex) return ka.annex - kb.annex;
  for (let i = 0; i < Math.max(ka.nums.length, kb.nums.length); i += 1) {
    const d = (ka.nums[i] ?? -1) - (kb.nums[i] ?? -1);
    if (d !== 0) return d;
  }
  return 0;
}
