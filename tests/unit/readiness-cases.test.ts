import { describe, expect, it } from 'vitest';
import { computeReadiness, type Readiness } from '../../shared/rules/readiness';
import {
  answers,
  assessableRefs,
  clauseRefs,
  controlRefs,
  prepared,
} from '../helpers/readiness-fixture';

/**
 * The seven cases issue 12 measured through the app (all findings closed), each of which the
 * rules before the gates called "ready", "nearly ready" or "not ready: below 60 %", and the
 * verdict a certification body would give. Each case changes one thing in a prepared assessment.
 */
const failing = (r: Readiness) => r.gates.filter((g) => !g.passed).map((g) => g.id);
const stageVerdicts = (r: Readiness) => r.stages.map((s) => s.verdict);

describe('the seven cases of issue 12', () => {
  it('every clause conformant, 14 applicable Annex A controls nonconformant: not ready (controls)', () => {
    const input = prepared();
    const broken = controlRefs.slice(0, 14);
    input.responses = { ...input.responses, ...answers(broken, 'nonconformant') };
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['controls-nonconformant']);
    const reason = r.gates.find((g) => g.id === 'controls-nonconformant')?.blockers[0]?.reason;
    for (const ref of broken) expect(reason).toContain(ref);
  });

  it('everything conformant, one open major nonconformity against A.6.2.4: not ready (open major)', () => {
    const input = prepared();
    input.findings = [{ ref: 'A.6.2.4', grade: 'major', status: 'open' }];
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['open-major']);
    expect(r.reasons.join(' ')).toContain('A.6.2.4');
  });

  it('every Annex A control answered "not applicable": not ready (no control applies)', () => {
    const input = prepared();
    input.responses = { ...input.responses, ...answers(controlRefs, 'not-applicable') };
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['no-control-applies']);
  });

  it('every Annex A control excluded in the SoA and answered "not applicable": not ready as well', () => {
    const input = prepared();
    input.responses = { ...input.responses, ...answers(controlRefs, 'not-applicable') };
    input.soa = input.soa.map((d) => ({ ...d, applicable: false }));
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['no-control-applies']);
  });

  it('half the clauses partially conformant: not ready (partial clauses)', () => {
    const input = prepared();
    const half = clauseRefs.filter((_, i) => i % 2 === 0);
    input.responses = { ...input.responses, ...answers(half, 'partially-conformant') };
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['clauses-partial']);
  });

  it('SoA decided for 15 of 38 controls: not ready (SoA undecided)', () => {
    const input = prepared();
    input.soa = input.soa.slice(0, 15);
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['soa-decided']);
    expect(r.reasons.join(' ')).toContain('23 of 38');
  });

  it('40 % assessed, all conformant: incomplete, not "not ready" for its score', () => {
    const input = prepared();
    const assessed = assessableRefs.slice(0, Math.round(assessableRefs.length * 0.4));
    input.responses = answers(assessed, 'conformant');
    const r = computeReadiness(input);
    expect(r.verdict).toBe('incomplete');
    expect(failing(r)).toEqual([]);
    expect(stageVerdicts(r)).toEqual(['incomplete', 'incomplete']);
  });

  it('clauses 9 and 10 left out of scope: not ready (out of scope)', () => {
    const input = prepared();
    input.excludedAreas = ['9', '10'];
    const r = computeReadiness(input);
    expect(r.verdict).toBe('not-ready');
    expect(failing(r)).toEqual(['clause-scope']);
    const reason = r.gates.find((g) => g.id === 'clause-scope')?.blockers[0]?.reason ?? '';
    expect(reason).toMatch(/9.*10/);
  });

  it('a fully prepared assessment is ready at both stages', () => {
    const r = computeReadiness(prepared());
    expect(failing(r)).toEqual([]);
    expect(r.verdict).toBe('ready');
    expect(stageVerdicts(r)).toEqual(['ready', 'ready']);
  });
});
