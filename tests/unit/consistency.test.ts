import { describe, expect, it } from 'vitest';
import {
  applicableAnsweredNa,
  consistencyFindings,
  excludedButReliedOn,
  implementedWithGap,
  NAMED_RISKS,
  systemsWithoutImpactAssessment,
  untreatedRisks,
  type ConsistencyInput,
} from '../../shared/rules/consistency';

type Risk = ConsistencyInput['risks'][number];
const risk = (n: number, extra: Partial<Risk> = {}): Risk => ({
  id: `risk-${n}`,
  ref: `R-${String(n).padStart(3, '0')}`,
  title: `Risk ${n}`,
  status: 'open',
  inherentScore: 12,
  treatmentOption: 'modify',
  ...extra,
});
const named = (from: number, count: number) =>
  Array.from({ length: Math.min(count, NAMED_RISKS) }, (_, i) => ({
    id: `risk-${from + i}`,
    ref: `R-${String(from + i).padStart(3, '0')}`,
  }));

/** Consistent records: every check finds nothing. */
function consistent(): ConsistencyInput {
  return {
    soa: [
      { ref: 'A.6.2.4', applicable: true, implementationStatus: 'implemented' },
      { ref: 'A.7.4', applicable: true, implementationStatus: 'partially-implemented' },
      { ref: 'A.10.3', applicable: false, implementationStatus: 'not-applicable' },
    ],
    responses: {
      'A.6.2.4': 'conformant',
      'A.7.4': 'partially-conformant',
      'A.10.3': 'not-applicable',
    },
    // R-001 relies on controls the SoA applies.
    reliance: [
      { control: 'A.6.2.4', risks: named(1, 1), count: 1 },
      { control: 'A.7.4', risks: named(1, 1), count: 1 },
    ],
    risks: [risk(1), risk(2, { inherentScore: 3, treatmentOption: null })],
    acceptanceThreshold: 4,
    aiSystems: [
      { id: 's1', name: 'Credit scoring', lifecycleStage: 'operation', impactAssessments: 1 },
      { id: 's2', name: 'Old chatbot', lifecycleStage: 'retirement', impactAssessments: 0 },
    ],
  };
}

describe('consistency checks', () => {
  it('find nothing in records that agree', () => {
    expect(consistencyFindings(consistent())).toEqual([]);
  });

  it('flag a control excluded in the SoA that a risk treatment relies on, naming the risks', () => {
    const input = consistent();
    // Seven live risks rely on A.10.3 (a closed one the room does not count: consistency-app test).
    input.reliance = [...input.reliance, { control: 'A.10.3', risks: named(10, 7), count: 7 }];
    const [f, ...rest] = excludedButReliedOn(input);
    expect(rest).toEqual([]);
    expect(f?.control).toBe('A.10.3');
    expect(f?.riskCount).toBe(7);
    expect(f?.risks).toHaveLength(NAMED_RISKS);
    expect(f?.message).toBe(
      'A.10.3 is excluded in the SoA, yet the treatments of 7 risks rely on it (R-010, R-011, R-012, R-013, R-014 …).',
    );
    expect(f?.refs).toEqual(['A.10.3', '6.1.3']);
  });

  it('name one relying risk in the singular, and nothing for a control the SoA applies', () => {
    const input = consistent();
    input.reliance = [
      { control: 'A.10.3', risks: named(4, 1), count: 1 },
      { control: 'A.6.2.4', risks: named(5, 3), count: 3 },
    ];
    expect(excludedButReliedOn(input).map((f) => f.message)).toEqual([
      'A.10.3 is excluded in the SoA, yet the treatment of R-004 relies on it.',
    ]);
  });

  it('flag an "implemented" control answered nonconformant or partially conformant', () => {
    const input = consistent();
    input.responses = { ...input.responses, 'A.6.2.4': 'partially-conformant' };
    expect(implementedWithGap(input).map((f) => f.message)).toEqual([
      'A.6.2.4 is "implemented" in the SoA but answered partially conformant in the interview.',
    ]);
    input.responses = { ...input.responses, 'A.6.2.4': 'nonconformant' };
    expect(implementedWithGap(input)[0]?.message).toContain('answered nonconformant');
    input.responses = { ...input.responses, 'A.6.2.4': 'not-assessed' };
    expect(implementedWithGap(input)).toEqual([]);
  });

  it('flag a control the SoA applies that the interview answers not applicable', () => {
    const input = consistent();
    input.responses = { ...input.responses, 'A.7.4': 'not-applicable' };
    const found = applicableAnsweredNa(input);
    expect(found.map((f) => f.control)).toEqual(['A.7.4']);
  });

  it('flag a live risk above the acceptance threshold with no treatment, not one at the threshold', () => {
    const input = consistent();
    input.risks = [
      risk(1, { inherentScore: 5, treatmentOption: null }),
      risk(2, { inherentScore: 4, treatmentOption: null }),
      risk(3, { inherentScore: 20, treatmentOption: null, status: 'closed' }),
      risk(4, { inherentScore: 20, treatmentOption: 'retain', status: 'accepted' }),
    ];
    const found = untreatedRisks(input);
    expect(found.map((f) => f.risks[0]?.ref)).toEqual(['R-001']);
    expect(found[0]?.message).toBe(
      'R-001 "Risk 1" scores 5, above the acceptance threshold of 4, and has no treatment.',
    );
  });

  it('flag an AI system in scope without an impact assessment, at any stage but retirement', () => {
    const input = consistent();
    input.aiSystems = [
      { id: 'a', name: 'Concept bot', lifecycleStage: 'concept', impactAssessments: 0 },
      { id: 'b', name: 'Retired', lifecycleStage: 'retirement', impactAssessments: 0 },
    ];
    const found = systemsWithoutImpactAssessment(input);
    expect(found.map((f) => f.aiSystem?.name)).toEqual(['Concept bot']);
    expect(found[0]?.refs).toEqual(['6.1.4', '8.4']);
  });

  it('list the checks in a fixed order', () => {
    const input = consistent();
    input.responses = { ...input.responses, 'A.6.2.4': 'nonconformant', 'A.7.4': 'not-applicable' };
    input.reliance = [{ control: 'A.10.3', risks: named(1, 1), count: 1 }];
    input.risks = [risk(1), risk(2, { inherentScore: 9, treatmentOption: null })];
    input.aiSystems = [{ id: 'x', name: 'X', lifecycleStage: 'design', impactAssessments: 0 }];
    expect(consistencyFindings(input).map((f) => f.check)).toEqual([
      'excluded-but-relied-on',
      'implemented-with-gap',
      'applicable-answered-na',
      'risk-untreated',
      'system-without-impact-assessment',
    ]);
  });
});
