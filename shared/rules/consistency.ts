/**
 * Consistency checks — pure rules over records that must agree with each other. They do not
 * decide the verdict (the gates do); each is a contradiction a certification auditor would spot
 * by laying two documents side by side, so the consultant sees it where they work: in the
 * interview, the SoA, the risk drawer, the Readiness screen and the report.
 *
 * 1. A control excluded in the SoA while a risk treatment relies on it.
 * 2. A control the SoA calls "implemented" answered nonconformant or partially conformant.
 * 3. A control the SoA applies answered "not applicable" in the interview.
 * 4. A risk above the acceptance threshold with no treatment (closed risks aside).
 * 5. An AI system in scope (every life-cycle stage but retirement) with no impact assessment.
 */
import type { ImplementationStatus, Result } from '../domain/assessment';
import type { LifecycleStage, RiskStatus, TreatmentOption } from '../domain/risks';
import { compareRefs } from './scope';

export const consistencyCheckIds = [
  'excluded-but-relied-on',
  'implemented-with-gap',
  'applicable-answered-na',
  'risk-untreated',
  'system-without-impact-assessment',
] as const;
export type ConsistencyCheckId = (typeof consistencyCheckIds)[number];

export const consistencyCheckLabels: Record<ConsistencyCheckId, string> = {
  'excluded-but-relied-on': 'Excluded in the SoA, relied on by a risk treatment',
  'implemented-with-gap': 'Implemented in the SoA, not met in the interview',
  'applicable-answered-na': 'Applicable in the SoA, not applicable in the interview',
  'risk-untreated': 'Risk above the acceptance threshold without treatment',
  'system-without-impact-assessment': 'AI system in scope without an impact assessment',
};

/** How many risks a finding names; the count says how many there are in all. */
export const NAMED_RISKS = 5;

export interface ConsistencyFinding {
  check: ConsistencyCheckId;
  message: string;
  /** The requirements where the consultant should see it (the control, or the clause at stake). */
  refs: string[];
  /** The control it is about, if any. */
  control: string | null;
  /** Risks it names (at most NAMED_RISKS) and how many it concerns in all. */
  risks: { id: string; ref: string }[];
  riskCount: number;
  aiSystem: { id: string; name: string } | null;
}

export interface ConsistencyInput {
  soa: readonly { ref: string; applicable: boolean; implementationStatus: ImplementationStatus }[];
  responses: Readonly<Record<string, Result | undefined>>;
  /**
   * Per control, the live risks whose treatment relies on it: the first NAMED_RISKS in register
   * order and how many in all. The room counts them in the store (a register may hold 10,000
   * risks); `isLiveRisk` says which count.
   */
  reliance: readonly {
    control: string;
    risks: readonly { id: string; ref: string }[];
    count: number;
  }[];
  /** Risks that may be untreated above the threshold (the room may leave out any other). */
  risks: readonly {
    id: string;
    ref: string;
    title: string;
    status: RiskStatus;
    inherentScore: number;
    treatmentOption: TreatmentOption | null;
  }[];
  acceptanceThreshold: number;
  aiSystems: readonly {
    id: string;
    name: string;
    lifecycleStage: LifecycleStage;
    impactAssessments: number;
  }[];
}

const finding = (
  f: Pick<ConsistencyFinding, 'check' | 'message' | 'refs'> & Partial<ConsistencyFinding>,
): ConsistencyFinding => ({ control: null, risks: [], riskCount: 0, aiSystem: null, ...f });

const resultWords: Partial<Record<Result, string>> = {
  nonconformant: 'nonconformant',
  'partially-conformant': 'partially conformant',
};

/** A closed risk is no longer treated: it relies on nothing and needs no treatment. */
export const isLiveRisk = (status: RiskStatus): boolean => status !== 'closed';

export function excludedButReliedOn(input: ConsistencyInput): ConsistencyFinding[] {
  const excluded = input.soa.filter((d) => !d.applicable).map((d) => d.ref);
  return excluded.sort(compareRefs).flatMap((ref) => {
    const relying = input.reliance.find((r) => r.control === ref);
    if (!relying || relying.count === 0) return [];
    const risks = relying.risks.slice(0, NAMED_RISKS);
    const named = risks.map((r) => r.ref);
    const who =
      relying.count === 1
        ? `the treatment of ${named[0]} relies on it`
        : `the treatments of ${relying.count} risks rely on it (${named.join(', ')}${relying.count > named.length ? ' …' : ''})`;
    return [
      finding({
        check: 'excluded-but-relied-on',
        message: `${ref} is excluded in the SoA, yet ${who}.`,
        refs: [ref, '6.1.3'],
        control: ref,
        risks: risks.map((r) => ({ id: r.id, ref: r.ref })),
        riskCount: relying.count,
      }),
    ];
  });
}

export function implementedWithGap(input: ConsistencyInput): ConsistencyFinding[] {
  return input.soa
    .filter((d) => d.applicable && d.implementationStatus === 'implemented')
    .flatMap((d) => {
      const words = resultWords[input.responses[d.ref] ?? 'not-assessed'];
      if (!words) return [];
      return [
        finding({
          check: 'implemented-with-gap',
          message: `${d.ref} is "implemented" in the SoA but answered ${words} in the interview.`,
          refs: [d.ref],
          control: d.ref,
        }),
      ];
    })
    .sort((a, b) => compareRefs(a.refs[0] ?? '', b.refs[0] ?? ''));
}

export function applicableAnsweredNa(input: ConsistencyInput): ConsistencyFinding[] {
  return input.soa
    .filter((d) => d.applicable && input.responses[d.ref] === 'not-applicable')
    .map((d) =>
      finding({
        check: 'applicable-answered-na',
        message: `${d.ref} applies in the SoA but is answered not applicable in the interview.`,
        refs: [d.ref],
        control: d.ref,
      }),
    )
    .sort((a, b) => compareRefs(a.refs[0] ?? '', b.refs[0] ?? ''));
}

export function untreatedRisks(input: ConsistencyInput): ConsistencyFinding[] {
  return input.risks
    .filter(
      (r) =>
        isLiveRisk(r.status) &&
        r.inherentScore > input.acceptanceThreshold &&
        r.treatmentOption === null,
    )
    .map((r) =>
      finding({
        check: 'risk-untreated',
        message: `${r.ref} "${r.title}" scores ${r.inherentScore}, above the acceptance threshold of ${input.acceptanceThreshold}, and has no treatment.`,
        refs: ['6.1.3', '8.3'],
        risks: [{ id: r.id, ref: r.ref }],
        riskCount: 1,
      }),
    );
}

export function systemsWithoutImpactAssessment(input: ConsistencyInput): ConsistencyFinding[] {
  return input.aiSystems
    .filter((s) => s.lifecycleStage !== 'retirement' && s.impactAssessments === 0)
    .map((s) =>
      finding({
        check: 'system-without-impact-assessment',
        message: `AI system "${s.name}" is in scope but has no impact assessment.`,
        refs: ['6.1.4', '8.4'],
        aiSystem: { id: s.id, name: s.name },
      }),
    );
}

/** Every check, in the order above. */
export function consistencyFindings(input: ConsistencyInput): ConsistencyFinding[] {
  return [
    ...excludedButReliedOn(input),
    ...implementedWithGap(input),
    ...applicableAnsweredNa(input),
    ...untreatedRisks(input),
    ...systemsWithoutImpactAssessment(input),
  ];
}
