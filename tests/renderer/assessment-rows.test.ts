import { beforeEach, describe, expect, it } from 'vitest';
import type { SoaRow } from '../../shared/contracts/soa';
import { useSoa } from '../../renderer/src/stores/soa';
import { installFakeApi, settle, type FakeApi } from './fake-api';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useSoa.setState(useSoa.getInitialState(), true);
});

const decision = { applicable: true, justification: '', implementationStatus: 'planned' } as const;
function aControl(ref: string, change: Partial<SoaRow> = {}): SoaRow {
  return {
    requirementId: `iso-iec-42001-2023:${ref}`,
    ref,
    title: `Control ${ref}`,
    area: 'A.2',
    areaTitle: 'Policies related to AI',
    entry: null,
    suggestion: decision,
    risks: [],
    evidence: [],
    ...change,
  };
}
const decided = (ref: string) =>
  aControl(ref, {
    entry: {
      ...decision,
      justification: 'Needed for the credit models.',
      updatedAt: '2026-12-01T10:00:00.000Z',
      updatedBy: 'R. Costa',
    },
  });

describe('a store of one assessment’s rows (SoA, documented information)', () => {
  it('puts a saved row in place of its older self', async () => {
    void useSoa.getState().load('a1');
    await fake.answer('soa.list', [aControl('A.2.2'), aControl('A.2.3')]);
    const saving = useSoa.getState().save('a1', 'iso-iec-42001-2023:A.2.3', decision);
    await fake.answer('soa.save', decided('A.2.3'));
    await saving;
    expect(useSoa.getState().rows.map((r) => r.entry?.updatedBy ?? null)).toEqual([
      null,
      'R. Costa',
    ]);
  });

  it('keeps a save that finishes after the user opened another assessment out of that one', async () => {
    void useSoa.getState().load('a1');
    await fake.answer('soa.list', [aControl('A.2.3')]);
    const saving = useSoa.getState().save('a1', 'iso-iec-42001-2023:A.2.3', decision);
    void useSoa.getState().load('a2');
    await fake.answer('soa.list', [aControl('A.2.3')]);
    await fake.answer('soa.save', decided('A.2.3'));
    await saving;
    await settle();
    expect(useSoa.getState().assessmentId).toBe('a2');
    expect(useSoa.getState().rows[0]?.entry).toBeNull();
  });
});
