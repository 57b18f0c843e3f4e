import { beforeEach, describe, expect, it } from 'vitest';
import { useEngagements } from '../../renderer/src/stores/engagements';
import { installFakeApi, settle, type FakeApi } from './fake-api';
import { anEngagement } from './fixtures';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useEngagements.setState(useEngagements.getInitialState(), true);
});

describe('a list store (engagements, assessments, identities)', () => {
  it('keeps the newest load when an older one answers last', async () => {
    void useEngagements.getState().load();
    void useEngagements.getState().load();
    const [older, newer] = fake.pending;
    newer?.resolve([anEngagement('e1'), anEngagement('e2')]);
    older?.resolve([anEngagement('e1')]);
    await settle();
    expect(useEngagements.getState().items.map((e) => e.id)).toEqual(['e1', 'e2']);
    expect(useEngagements.getState().status).toBe('ready');
  });

  it('shows no failure of a load a newer one replaced', async () => {
    void useEngagements.getState().load();
    void useEngagements.getState().load();
    const [older, newer] = fake.pending;
    newer?.resolve([anEngagement('e1')]);
    older?.reject(new Error('offline a moment ago'));
    await settle();
    expect(useEngagements.getState().status).toBe('ready');
    expect(useEngagements.getState().error).toBeNull();
  });

  it('keeps a list on screen while it reloads and says when the reload fails', async () => {
    void useEngagements.getState().load();
    await fake.answer('engagements.list', [anEngagement('e1')]);
    void useEngagements.getState().load();
    expect(useEngagements.getState().status).toBe('ready');
    await fake.fail('engagements.list', 'The data folder is locked.');
    expect(useEngagements.getState()).toMatchObject({
      status: 'error',
      error: 'The data folder is locked.',
      items: [anEngagement('e1')],
    });
  });
});
