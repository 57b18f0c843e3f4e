import { useEffect, useState } from 'react';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';
import { fetchAssessmentsOf } from '../../stores/assessments';
import { fetchFindingsOf } from '../../stores/findings';
import { fetchRisksOf } from '../../stores/risks';

type Group = ComboboxItemGroup<ComboboxItem>;

/**
 * Findings (of every assessment of the engagement) and risks an evidence item can be linked to,
 * as grouped options whose values say the kind: "finding:<id>" or "risk:<id>".
 */
export function useLinkTargets(engagementId: string): Group[] {
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const assessments = await fetchAssessmentsOf(engagementId);
      const findings = (await Promise.all(assessments.map((a) => fetchFindingsOf(a.id))))
        .flat()
        .map((f) => ({ value: `finding:${f.id}`, label: `${f.ref} ${f.statement.slice(0, 90)}` }));
      const risks = (await fetchRisksOf(engagementId)).map((r) => ({
        value: `risk:${r.id}`,
        label: `${r.ref} ${r.title}`,
      }));
      if (live) {
        setGroups([
          { group: 'Findings', items: findings },
          { group: 'Risks', items: risks },
        ]);
      }
    })().catch(() => live && setGroups([]));
    return () => {
      live = false;
    };
  }, [engagementId]);
  return groups;
}

export function linkTarget(value: string): { findingId: string } | { riskId: string } {
  const [kind, id = ''] = value.split(':');
  return kind === 'finding' ? { findingId: id } : { riskId: id };
}
