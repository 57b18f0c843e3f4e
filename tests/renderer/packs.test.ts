import { beforeEach, describe, expect, it } from 'vitest';
import { useImportedPacks } from '../../renderer/src/stores/packs';
import { installFakeApi, settle, type FakeApi } from './fake-api';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useImportedPacks.setState(useImportedPacks.getInitialState(), true);
});

/** Only the part of a pack's detail these tests look at; the store passes it through whole. */
const detailOf = (id: string) => ({ pack: { id } });

describe('the imported packs store', () => {
  it('shows the pack opened last when an earlier one answers later', async () => {
    void useImportedPacks.getState().open('p1');
    void useImportedPacks.getState().open('p2');
    const [first, second] = fake.pending;
    second?.resolve(detailOf('p2'));
    first?.resolve(detailOf('p1'));
    await settle();
    expect(useImportedPacks.getState().detail?.pack.id).toBe('p2');
    expect(useImportedPacks.getState().detailStatus).toBe('ready');
  });

  it('keeps a closed detail view closed when its answer arrives late', async () => {
    void useImportedPacks.getState().open('p1', true);
    useImportedPacks.getState().close();
    fake.pending[0]?.resolve(detailOf('p1'));
    await settle();
    expect(useImportedPacks.getState()).toMatchObject({ detail: null, detailStatus: 'idle' });
  });

  it('shows no failure of a pack the user has left', async () => {
    void useImportedPacks.getState().open('p1', true);
    void useImportedPacks.getState().open('p2');
    await fake.fail('packs.get', 'p1 no longer verifies', (input) => input.id === 'p1');
    expect(useImportedPacks.getState()).toMatchObject({
      detailStatus: 'loading',
      detailError: null,
    });
  });
});
