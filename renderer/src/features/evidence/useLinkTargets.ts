import { useEffect, useState } from 'react';
import type { ComboboxItem, ComboboxItemGroup } from '@mantine/core';

type Group = ComboboxItemGroup<ComboboxItem>;
import { api } from '../../api/client';

/**
 * Findings (of every assessment of the engagement) and risks an evidence item can be linked to,
 * as grouped options whose values say the kind: "finding:<id>" or "risk:<id>".
 */
export function useLinkTargets(engagementId: string): Group[] {
  const [groups, setGroups] = useState<Group[]>([]);
  useEffect(() => {
    let live = true;
    void (async () => {
      const assessments = await api().invoke('assessments.list', { engagementId });
      const findings = (
        await Promise.all(
          assessments.map((a) => api().invoke('findings.list', { assessmentId: a.id })),
        )
      )
        .flat()
        .map((f) => ({ value: `finding:${f.id}`, label: `${f.ref} ${f.statement.slice(0, 90)}` }));
      const risks = (await api().invoke('risks.list', { engagementId })).map((r) => ({
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
