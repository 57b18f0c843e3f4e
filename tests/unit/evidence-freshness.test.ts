import { describe, expect, it } from 'vitest';
import {
  daysBetween,
  describeAge,
  evidenceFreshness,
  needsAttention,
} from '../../shared/rules/evidence-freshness';

const item = (extra: Partial<Parameters<typeof evidenceFreshness>[0]> = {}) => ({
  validUntil: null,
  reviewDue: null,
  collectedOn: null,
  createdAt: '2026-03-01T09:00:00.000Z',
  ...extra,
});

describe('evidence freshness', () => {
  it('counts whole calendar days between dates and ISO times', () => {
    expect(daysBetween('2026-03-01', '2026-03-01')).toBe(0);
    expect(daysBetween('2026-03-01T23:59:00.000Z', '2026-03-02')).toBe(1);
    expect(daysBetween('2025-03-01', '2026-03-01')).toBe(365);
    expect(daysBetween('2026-03-02', '2026-03-01')).toBe(-1);
  });

  it('is expired the day after "valid until", whatever the review date says', () => {
    expect(evidenceFreshness(item({ validUntil: '2026-05-31' }), '2026-05-31').state).toBe(
      'expiring',
    );
    const expired = evidenceFreshness(
      item({ validUntil: '2026-05-31', reviewDue: '2027-01-01' }),
      '2026-06-01',
    );
    expect(expired).toMatchObject({ state: 'expired', reason: 'expired on 2026-05-31' });
  });

  it('is stale past its review date, or older than a cycle when it has none', () => {
    expect(evidenceFreshness(item({ reviewDue: '2026-04-01' }), '2026-04-02')).toMatchObject({
      state: 'stale',
      reason: 'its review was due on 2026-04-01',
    });
    expect(evidenceFreshness(item({ collectedOn: '2025-02-01' }), '2026-03-01')).toMatchObject({
      state: 'stale',
      ageDays: 393,
    });
    // A review date in the future vouches for old evidence: someone decided when to look again.
    expect(
      evidenceFreshness(item({ collectedOn: '2024-01-01', reviewDue: '2026-12-31' }), '2026-03-01')
        .state,
    ).toBe('current');
    expect(evidenceFreshness(item({ collectedOn: '2025-03-01' }), '2026-03-01').state).toBe(
      'current',
    );
  });

  it('announces an expiry within 30 days, with what is left', () => {
    const soon = evidenceFreshness(item({ validUntil: '2026-03-15' }), '2026-03-01');
    expect(soon).toMatchObject({ state: 'expiring', reason: 'expires on 2026-03-15 (in 2 weeks)' });
    expect(evidenceFreshness(item({ validUntil: '2026-04-15' }), '2026-03-01').state).toBe(
      'current',
    );
  });

  it('warns about expired and stale only', () => {
    expect(
      ['current', 'expiring', 'stale', 'expired'].map((s) => needsAttention(s as never)),
    ).toEqual([false, false, true, true]);
  });

  it('says an age the way a person would', () => {
    expect([1, 5, 20, 100, 400, 800].map(describeAge)).toEqual([
      '1 day',
      '5 days',
      '2 weeks',
      '3 months',
      '13 months',
      '2 years',
    ]);
  });
});
