import { create } from 'zustand';
import type { CommandOutput } from '../../../shared/contracts';
import type {
  TrustAddCertificateInput,
  TrustPinInput,
  TrustedSigner,
} from '../../../shared/contracts/trust';
import { blobToBase64 } from '../api/base64';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { newestWins } from './newest';
import type { LoadStatus } from './lists';

type Listed = CommandOutput<'trust.list'>;

interface TrustState {
  signers: TrustedSigner[];
  identities: Listed['identities'];
  status: LoadStatus;
  error: string | null;
  load(): Promise<void>;
  /** Trusts a picked certificate file (a few KB, sent whole as base64). */
  addCertificate(
    file: File,
    input: Omit<TrustAddCertificateInput, 'fileBase64'>,
  ): Promise<TrustedSigner>;
  pinFingerprint(input: TrustPinInput): Promise<TrustedSigner>;
  remove(id: string): Promise<void>;
}

const loads = newestWins();

/** Settings → Trusted signers: who this data directory trusts to have signed a PDF or pack. */
export const useTrust = create<TrustState>((set, get) => ({
  signers: [],
  identities: [],
  status: 'idle',
  error: null,
  async load() {
    const current = loads.start();
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      const listed = await api().invoke('trust.list', {});
      if (current()) set({ ...listed, status: 'ready' });
    } catch (error) {
      if (current()) set({ status: 'error', error: errorMessage(error) });
    }
  },
  async addCertificate(file, input) {
    const fileBase64 = await blobToBase64(file);
    const added = await api().invoke('trust.addCertificate', { ...input, fileBase64 });
    await get().load();
    return added;
  },
  async pinFingerprint(input) {
    const added = await api().invoke('trust.pinFingerprint', input);
    await get().load();
    return added;
  },
  async remove(id) {
    await api().invoke('trust.remove', { id });
    await get().load();
  },
}));
