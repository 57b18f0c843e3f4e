import { useEffect, useMemo } from 'react';
import { primaryFramework, useCatalog } from '../../stores/catalog';

/** Assessable requirements of the loaded framework as Select options ("A.7.5 Data provenance"). */
export function useRequirementOptions(): { value: string; label: string }[] {
  const { views, frameworks, status, load } = useCatalog();
  useEffect(() => {
    if (status === 'idle') void load();
  }, [status, load]);
  return useMemo(() => {
    const primary = primaryFramework(frameworks);
    const view = primary ? views[primary.id] : undefined;
    return (view?.requirements ?? [])
      .filter((r) => r.assessable)
      .map((r) => ({ value: r.id, label: `${r.ref} ${r.title}` }));
  }, [views, frameworks]);
}
