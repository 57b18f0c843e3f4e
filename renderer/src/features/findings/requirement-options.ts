import { useEffect, useMemo } from 'react';
import type { Assessment } from '../../../../shared/contracts/assessments';
import type { Requirement } from '../../../../shared/contracts/catalog';
import { inScope } from '../../../../shared/rules/scope';
import { useCatalog } from '../../stores/catalog';

export interface RequirementOption {
  value: string;
  label: string;
}

/**
 * The assessable requirements in the assessment's scope as "ref title" options for selects, plus
 * a lookup by id. Loads the catalog once if no screen has yet.
 */
export function useRequirementOptions(assessment: Assessment): {
  options: RequirementOption[];
  byId: Map<string, Requirement>;
  loading: boolean;
  error: string | null;
} {
  const view = useCatalog((s) => s.views[assessment.frameworkId]);
  const status = useCatalog((s) => s.status);
  const error = useCatalog((s) => s.error);
  const load = useCatalog((s) => s.load);
  useEffect(() => {
    if (!view && status !== 'loading') void load(assessment.frameworkId);
  }, [view, status, load, assessment.frameworkId]);

  return useMemo(() => {
    const requirements = view?.requirements ?? [];
    const byId = new Map(requirements.map((r) => [r.id, r]));
    const options = requirements
      .filter((r) => r.assessable && inScope(r.ref, assessment.excludedAreas))
      .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` }));
    return { options, byId, loading: !view && status !== 'error', error: view ? null : error };
  }, [view, status, error, assessment.excludedAreas]);
}

/** Options that also hold a value chosen earlier, even if the scope has since left it out. */
export function withCurrent(
  options: RequirementOption[],
  byId: Map<string, Requirement>,
  ids: string[],
): RequirementOption[] {
  const missing = ids.filter((id) => id && !options.some((o) => o.value === id));
  if (missing.length === 0) return options;
  return [
    ...options,
    ...missing.map((id) => {
      const r = byId.get(id);
      return { value: id, label: r ? `${r.ref} ${r.title} (out of scope)` : id };
    }),
  ];
}
