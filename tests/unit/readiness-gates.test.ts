import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { computeReadiness, type ReadinessInput } from '../../shared/rules/readiness';
import { runGates, type GateId } from '../../shared/rules/gates';
import { auditAndReviewGate } from '../../shared/rules/gates/audit-and-review';
import { clauseScopeGate } from '../../shared/rules/gates/clause-scope';
import { documentsGate, documentViews } from '../../shared/rules/gates/documents';
import { noControlAppliesGate } from '../../shared/rules/gates/no-control-applies';
import {
  clausesNonconformantGate,
  controlsNonconformantGate,
} from '../../shared/rules/gates/nonconformant';
import { openMajorGate } from '../../shared/rules/gates/open-major';
import { partialClausesGate } from '../../shared/rules/gates/partial-clauses';
import { soaDecidedGate } from '../../shared/rules/gates/soa-decided';
import { results, type Result } from '../../shared/domain/assessment';
import {
  answers,
  assessableRefs,
  controlRefs,
  prepared,
  TODAY,
} from '../helpers/readiness-fixture';

/** Each gate alone: a prepared assessment with one thing changed fails that gate and no other. */
const failing = (input: ReadinessInput): GateId[] =>
  runGates(input)
    .filter((g) => !g.passed)
    .map((g) => g.id);
const withAnswers = (change: Record<string, Result>): ReadinessInput => {
  const input = prepared();
  input.responses = { ...input.responses, ...change };
  return input;
};
const withDocument = (key: string, change: object): ReadinessInput => {
  const input = prepared();
  input.documents = input.documents.map((d) => (d.key === key ? { ...d, ...change } : d));
  return input;
};

describe('gate: no open major nonconformity', () => {
  it('blocks the on-site audit for an open or in-progress major, against a clause or a control', () => {
    for (const status of ['open', 'in-progress'] as const) {
      for (const ref of ['5.2', 'A.6.2.4']) {
        const input = prepared();
        input.findings = [{ ref, grade: 'major', status }];
        const [blocker, ...rest] = openMajorGate.check(input);
        expect(rest).toEqual([]);
        expect(blocker?.reason).toContain(ref);
        expect(blocker?.stages).toEqual([2]);
        expect(failing(input)).toEqual(['open-major']);
      }
    }
  });

  it('lets a closed major and open minor nonconformities pass', () => {
    const input = prepared();
    input.findings = [
      { ref: '5.2', grade: 'major', status: 'closed' },
      { ref: '7.2', grade: 'minor', status: 'open' },
      { ref: 'A.4.6', grade: 'observation', status: 'open' },
    ];
    expect(openMajorGate.check(input)).toEqual([]);
    expect(computeReadiness(input).verdict).toBe('ready');
  });
});

describe('gate: no clause requirement or applicable control nonconformant', () => {
  it('blocks both stages for a nonconformant clause requirement', () => {
    const input = withAnswers({ '9.2.2': 'nonconformant' });
    expect(clausesNonconformantGate.check(input)[0]?.stages).toEqual([1, 2]);
    expect(failing(input)).toEqual(['clauses-nonconformant']);
  });

  it('blocks both stages for a nonconformant control the SoA applies, naming it', () => {
    const input = withAnswers({ 'A.7.4': 'nonconformant' });
    const [blocker] = controlsNonconformantGate.check(input);
    expect(blocker?.refs).toEqual(['A.7.4']);
    expect(blocker?.stages).toEqual([1, 2]);
    expect(failing(input)).toEqual(['controls-nonconformant']);
  });

  it('ignores a nonconformant control the SoA excludes, and one out of the assessment scope', () => {
    const excluded = withAnswers({ 'A.7.4': 'nonconformant' });
    excluded.soa = excluded.soa.map((d) =>
      d.ref === 'A.7.4'
        ? { ...d, applicable: false, justification: 'No training data of ours.' }
        : d,
    );
    expect(controlsNonconformantGate.check(excluded)).toEqual([]);
    const outOfScope = withAnswers({ 'A.10.3': 'nonconformant' });
    outOfScope.excludedAreas = ['A.10'];
    expect(controlsNonconformantGate.check(outOfScope)).toEqual([]);
  });

  it('does not block on requirements not assessed yet', () => {
    const input = prepared();
    delete (input.responses as Record<string, Result | undefined>)['9.2.2'];
    expect(clausesNonconformantGate.check(input)).toEqual([]);
  });
});

describe('gate: clause requirements met in full but for a few', () => {
  // One partial answer in each of seven different clauses: 7 of 32, under a quarter, none systemic.
  const scattered = ['4.1', '5.1', '6.1.1', '7.1', '8.1', '9.1', '10.1'];

  it('lets a few scattered partial clause requirements pass, as minor nonconformities', () => {
    const input = withAnswers(answers(scattered, 'partially-conformant'));
    expect(partialClausesGate.check(input)).toEqual([]);
    expect(computeReadiness(input).verdict).toBe('ready');
  });

  it('blocks the on-site audit once a quarter of the clause requirements are partial', () => {
    const input = withAnswers(answers([...scattered, '6.3'], 'partially-conformant'));
    const blockers = partialClausesGate.check(input);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]?.reason).toContain('8 of 32');
    expect(blockers[0]?.stages).toEqual([2]);
    expect(computeReadiness(input).stages.map((s) => s.verdict)).toEqual(['ready', 'not-ready']);
  });

  it('blocks when half or more of one clause is partial, but not for a single requirement', () => {
    const systemic = withAnswers(answers(['9.2.1', '9.2.2', '9.3.2'], 'partially-conformant'));
    expect(partialClausesGate.check(systemic)[0]?.reason).toContain('clause 9');
    expect(failing(systemic)).toEqual(['clauses-partial']);
    const single = withAnswers(answers(['10.2'], 'partially-conformant'));
    expect(partialClausesGate.check(single)).toEqual([]);
  });
});

describe('gate: every clause of 4–10 in scope and applicable', () => {
  it('blocks a clause left out of the assessment and a clause marked not applicable', () => {
    const out = prepared();
    out.excludedAreas = ['7'];
    expect(clauseScopeGate.check(out)[0]?.reason).toContain('Clause 7');
    expect(failing(out)).toEqual(['clause-scope']);
    const na = withAnswers({ '7.4': 'not-applicable' });
    expect(clauseScopeGate.check(na)[0]?.reason).toContain('7.4');
    expect(failing(na)).toEqual(['clause-scope']);
  });

  it('lets an Annex A area out of the assessment pass', () => {
    const input = prepared();
    input.excludedAreas = ['A.10'];
    expect(clauseScopeGate.check(input)).toEqual([]);
    expect(failing(input)).toEqual([]);
  });
});

describe('gate: at least one Annex A control applies', () => {
  it('passes with a single applicable control', () => {
    const input = withAnswers(answers(controlRefs.slice(1), 'not-applicable'));
    expect(noControlAppliesGate.check(input)).toEqual([]);
  });
});

describe('gate: SoA decided for every control, with justifications', () => {
  it('names the undecided controls, including those of an area left out of the assessment', () => {
    const input = prepared();
    input.excludedAreas = ['A.10'];
    input.soa = input.soa.filter((d) => d.ref !== 'A.10.4');
    const [blocker] = soaDecidedGate.check(input);
    expect(blocker?.reason).toContain('1 of 38');
    expect(blocker?.refs).toEqual(['A.10.4']);
    expect(failing(input)).toEqual(['soa-decided']);
  });

  it('blocks a decision whose justification is blank', () => {
    const input = prepared();
    input.soa = input.soa.map((d) => (d.ref === 'A.3.3' ? { ...d, justification: '  ' } : d));
    expect(soaDecidedGate.check(input)[0]?.refs).toEqual(['A.3.3']);
  });
});

describe('gate: mandatory documented information in place', () => {
  it('blocks both stages for a policy that is not approved, naming it and its clause', () => {
    const input = withDocument('ai-policy', { approved: false });
    const [blocker] = documentsGate.check(input);
    expect(blocker?.reason).toBe(
      'AI policy (5.2): exists but is not approved. It counts against 5.2 only; A.2.2 shares it.',
    );
    expect(blocker?.stages).toEqual([1, 2]);
    expect(failing(input)).toEqual(['documents']);
  });

  it('blocks only the on-site audit for a missing record of the system running', () => {
    const input = withDocument('monitoring-results', { exists: false, approved: false });
    expect(documentsGate.check(input)[0]?.stages).toEqual([2]);
    expect(computeReadiness(input).stages.map((s) => s.verdict)).toEqual(['ready', 'not-ready']);
  });

  it('blocks an item with no record and one whose review date has passed', () => {
    const none = prepared();
    none.documents = none.documents.filter((d) => d.key !== 'aims-scope');
    expect(documentsGate.check(none)[0]?.reason).toContain('no record yet');
    const overdue = withDocument('risk-criteria', { reviewDate: '2026-09-30' });
    expect(documentsGate.check(overdue)[0]?.reason).toContain('review date has passed');
    expect(computeReadiness(withDocument('risk-criteria', { reviewDate: TODAY })).verdict).toBe(
      'ready',
    );
  });

  it('follows the SoA for an item that depends on a control', () => {
    const missing = withDocument('deployment-plan', {
      exists: false,
      approved: false,
      current: false,
    });
    expect(failing(missing)).toEqual(['documents']);
    const excluded = { ...missing };
    excluded.soa = missing.soa.map((d) =>
      d.ref === 'A.6.2.5' ? { ...d, applicable: false, justification: 'We deploy nothing.' } : d,
    );
    expect(documentsGate.check(excluded)).toEqual([]);
    expect(documentViews(excluded).find((d) => d.key === 'deployment-plan')?.status).toBe(
      'not-required',
    );
    const undecided = { ...missing, soa: missing.soa.filter((d) => d.ref !== 'A.6.2.5') };
    expect(documentsGate.check(undecided)[0]?.reason).toContain(
      'required until the SoA decides A.6.2.5',
    );
  });

  it('counts an artefact shared through an overlap once, against its owner', () => {
    const input = withDocument('impact-assessment-results', { exists: false, approved: false });
    const blockers = documentsGate.check(input);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]?.refs).toEqual(['8.4']);
    expect(blockers[0]?.reason).toContain(
      'counts against 8.4 only; A.5.3, A.5.4 and A.5.5 share it',
    );
  });

  it('reports two items of one shared artefact once, under the owner named by the overlap', () => {
    const input = withDocument('risk-criteria', { exists: false, approved: false, current: false });
    input.documents = input.documents.map((d) =>
      d.key === 'risk-assessment-process'
        ? { ...d, exists: false, approved: false, current: false }
        : d,
    );
    expect(documentsGate.check(input)).toHaveLength(2);
    input.overlaps = [
      ...input.overlaps,
      {
        id: 'risk-method',
        sides: [
          { ref: '6.1.1', ground: 'the criteria' },
          { ref: '6.1.2', ground: 'the process' },
        ],
        artefacts: [{ evidence: 'risk-methodology', owner: '6.1.2' }],
      },
    ];
    const [blocker, ...rest] = documentsGate.check(input);
    expect(rest).toEqual([]);
    expect(blocker?.reason).toMatch(
      /^AI risk assessment process \(6\.1\.2\): missing\. It counts against 6\.1\.2 only; 6\.1\.1 shares it\./,
    );
  });

  it('leaves the internal audit and management review results to their own gate', () => {
    const input = withDocument('internal-audit-results', { exists: false, approved: false });
    expect(documentsGate.check(input)).toEqual([]);
  });
});

describe('gate: an internal audit and a management review held', () => {
  it('blocks the on-site audit, not the documentation review, when neither is on record', () => {
    const input = prepared();
    input.cycle = [];
    const blockers = auditAndReviewGate.check(input);
    expect(blockers.map((b) => b.refs)).toEqual([
      ['9.2.1', '9.2.2'],
      ['9.3.1', '9.3.3'],
    ]);
    expect(failing(input)).toEqual(['audit-and-review']);
    expect(computeReadiness(input).stages.map((s) => s.verdict)).toEqual(['ready', 'not-ready']);
  });

  it('takes a record from any source, and a planned one is not enough', () => {
    const input = prepared();
    input.cycle = [
      {
        kind: 'internal-audit',
        source: 'cycle',
        label: 'Internal audit 2026-Q3',
        completed: true,
        completedOn: '2026-09-14',
      },
      {
        kind: 'management-review',
        source: 'cycle',
        label: 'Review 2026-10',
        completed: false,
        completedOn: null,
      },
    ];
    const blockers = auditAndReviewGate.check(input);
    expect(blockers).toHaveLength(1);
    expect(blockers[0]?.reason).toContain('planned: Review 2026-10');
  });
});

describe('verdict properties', () => {
  const anyAnswers = fc.dictionary(
    fc.constantFrom(...assessableRefs),
    fc.constantFrom<Result>(...results),
  );

  it('an assessment nothing blocks is never "not ready", however little is assessed', () => {
    fc.assert(
      fc.property(fc.subarray(assessableRefs), (kept) => {
        const input = prepared();
        input.responses = answers(kept, 'conformant');
        const r = computeReadiness(input);
        expect(r.verdict).toBe(kept.length === assessableRefs.length ? 'ready' : 'incomplete');
      }),
    );
  });

  it('is not ready exactly when a gate fails, and "ready" needs every stage ready', () => {
    fc.assert(
      fc.property(anyAnswers, (change) => {
        const input = withAnswers(change);
        const r = computeReadiness(input);
        const blocked = r.gates.some((g) => !g.passed);
        expect(r.verdict === 'not-ready').toBe(blocked);
        if (r.verdict === 'ready') expect(r.stages.every((s) => s.verdict === 'ready')).toBe(true);
        if (!blocked && r.overall.coverage < 1) expect(r.verdict).toBe('incomplete');
      }),
    );
  });
});
