import { useEffect, useState } from 'react';
import type { ConsistencyFindingView } from '../../../../shared/contracts/readiness';
import { fetchConsistency, fetchRiskConsistency } from '../../stores/readiness';
import { ConsistencyList } from './ConsistencyList';

type Found = ConsistencyFindingView & { assessmentTitle?: string | null };

/**
 * Checks fetched again whenever `key` changes (the requirement and its saved answer, say). A
 * failed fetch shows nothing here: the Readiness tab lists every check with its errors.
 */
function useChecks(load: () => Promise<Found[]>, key: string): Found[] {
  const [found, setFound] = useState<Found[]>([]);
  useEffect(() => {
    let live = true;
    load().then(
      (checks) => live && setFound(checks),
      () => live && setFound([]),
    );
    return () => {
      live = false;
    };
    // `load` is a new closure each render; `key` names everything it depends on.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);
  return found;
}

/** The consistency checks that concern the requirement on screen in the interview. */
export function RequirementConsistency(props: {
  assessmentId: string;
  requirementRef: string;
  version: string;
}) {
  const { assessmentId, requirementRef, version } = props;
  const found = useChecks(
    () => fetchConsistency(assessmentId, requirementRef),
    `${assessmentId}|${requirementRef}|${version}`,
  );
  return <ConsistencyList findings={found} title={`${requirementRef} contradicts other records`} />;
}

/** What contradicts one risk: no treatment above the threshold, a control an SoA excludes. */
export function RiskConsistency({ riskId, version }: { riskId: string; version: string }) {
  const found = useChecks(() => fetchRiskConsistency(riskId), `${riskId}|${version}`);
  return <ConsistencyList findings={found} title="This risk contradicts other records" />;
}

/** Every consistency check of an assessment, fetched again when `version` changes. */
export function useAssessmentChecks(assessmentId: string, version: string): Found[] {
  return useChecks(() => fetchConsistency(assessmentId), `${assessmentId}|${version}`);
}
