import type { Requirement } from '../../../../shared/contracts/catalog';

/** Requirements matching every word of the query in their ref, title, intent or questions. */
export function searchRequirements(requirements: Requirement[], query: string): Requirement[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return requirements;
  return requirements.filter((r) => {
    const haystack = [
      r.ref,
      r.title,
      r.guidance?.intent ?? '',
      ...(r.guidance?.questions.map((q) => q.text) ?? []),
    ]
      .join(' ')
      .toLowerCase();
    return words.every((w) => haystack.includes(w));
  });
}
