import { beforeEach, describe, expect, it } from 'vitest';
import type { ExchangeImportSummary } from '../../shared/contracts/exchange';
import { CommandError } from '../../shared/contracts/envelope';
import { useExchange } from '../../renderer/src/stores/exchange';
import { installFakeApi, settle, type FakeApi } from './fake-api';

let fake: FakeApi;
beforeEach(() => {
  fake = installFakeApi();
  useExchange.getState().reset();
});

const TOKEN_1 = '00000000-0000-4000-8000-000000000001';
const TOKEN_2 = '00000000-0000-4000-8000-000000000002';

function summary(dryRun: boolean): ExchangeImportSummary {
  return {
    engagementId: 'eng-1',
    engagementIsNew: true,
    dryRun,
    changes: { total: 3, alreadyKnown: 0, applied: 3, same: 0, kept: 0, conflict: 0 },
    openConflicts: 0,
    renumbered: [],
    evidence: { inFile: 0, newFiles: 0, alreadyHere: 0, notIncluded: 0 },
    signer: null,
  };
}

/** Answers the page's send of a (here empty) file: begin, then end with `token`. */
async function receive(token: string): Promise<void> {
  await fake.answer('incoming.begin', { incomingId: 'in-1' });
  await fake.answer('incoming.end', { token });
}

const importing = (file: File, dryRun: boolean) =>
  useExchange
    .getState()
    .importFile({ file, passphrase: 'pass phrase', dryRun, acceptSigner: false });

const sentCommands = () => fake.sent.map((s) => s.command);

describe('the exchange store', () => {
  it('imports the file "Check only" sent without sending it again', async () => {
    const file = new File([], 'a.assayx');
    const checked = importing(file, true);
    await settle();
    await receive(TOKEN_1);
    await fake.answer('exchange.import', summary(true));
    expect((await checked)?.dryRun).toBe(true);
    const imported = importing(file, false);
    await settle();
    expect(fake.pending.map((c) => c.command)).toEqual(['exchange.import']);
    expect(fake.pending[0]?.input).toMatchObject({ token: TOKEN_1, dryRun: false });
    await fake.answer('exchange.import', summary(false));
    expect((await imported)?.dryRun).toBe(false);
    expect(sentCommands().filter((c) => c === 'incoming.begin')).toHaveLength(1);
  });

  it('sends the file again when the checked one was let go meanwhile', async () => {
    const file = new File([], 'a.assayx');
    const checked = importing(file, true);
    await settle();
    await receive(TOKEN_1);
    await fake.answer('exchange.import', summary(true));
    await checked;
    const imported = importing(file, false);
    await settle();
    fake.pending
      .shift()
      ?.reject(new CommandError({ code: 'NOT_FOUND', message: 'Received file does not exist' }));
    await settle();
    await receive(TOKEN_2);
    expect(fake.pending[0]?.input).toMatchObject({ token: TOKEN_2 });
    await fake.answer('exchange.import', summary(false));
    expect((await imported)?.dryRun).toBe(false);
  });

  it('sends another file, or the same one after a real import, anew', async () => {
    const file = new File([], 'a.assayx');
    const first = importing(file, false);
    await settle();
    await receive(TOKEN_1);
    await fake.answer('exchange.import', summary(false));
    await first;
    const second = importing(file, true);
    await settle();
    expect(fake.pending.map((c) => c.command)).toEqual(['incoming.begin']);
    await receive(TOKEN_2);
    await fake.answer('exchange.import', summary(true));
    await second;
  });
});
