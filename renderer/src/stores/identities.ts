import { create } from 'zustand';
import type {
  Identity,
  IdentityCreateInput,
  IdentityImportInput,
  SignatureCheckResult,
} from '../../../shared/contracts/identities';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { sendFile } from '../api/send-file';
import { loadList, type ListState } from './lists';
import { newestWins } from './newest';

interface IdentitiesState extends ListState<Identity> {
  load(): Promise<void>;
  create(input: IdentityCreateInput): Promise<Identity>;
  /** The picked .p12/.pfx goes through the one send-file path (incoming.*), then is imported. */
  importFile(file: File, input: Omit<IdentityImportInput, 'token'>): Promise<Identity>;
  remove(id: string): Promise<void>;
}

const byName = (a: Identity, b: Identity) => a.name.localeCompare(b.name);

/** Signing identities. Passphrases pass through here into one command and are never kept. */
const identityLoads = newestWins();

export const useIdentities = create<IdentitiesState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  load() {
    return loadList(get, set, identityLoads, () => api().invoke('identities.list', {}));
  },
  async create(input) {
    const created = await api().invoke('identities.create', input);
    set({ items: [...get().items, created].sort(byName) });
    return created;
  },
  async importFile(file, input) {
    const token = await sendFile(file);
    const imported = await api().invoke('identities.import', { ...input, token });
    set({ items: [...get().items, imported].sort(byName) });
    return imported;
  },
  async remove(id) {
    await api().invoke('identities.delete', { id });
    set({ items: get().items.filter((i) => i.id !== id) });
  },
}));

interface VerifyState {
  fileName: string | null;
  status: 'idle' | 'sending' | 'checking' | 'done' | 'error';
  /** Bytes of the picked file handed over so far (while sending). */
  progress: { sent: number; total: number } | null;
  result: SignatureCheckResult | null;
  error: string | null;
  verify(file: File): Promise<void>;
  reset(): void;
}

/** A PDF is checked in memory on the main side, which refuses one over 200 MB; packs stream. */
export const MAX_VERIFY_PDF_BYTES = 200 * 1024 * 1024;

/** Verification of a picked file: its bytes go to the main side in chunks, never a path. */
export const useVerify = create<VerifyState>((set) => ({
  fileName: null,
  status: 'idle',
  progress: null,
  result: null,
  error: null,
  async verify(file) {
    const progress = { sent: 0, total: file.size };
    set({ fileName: file.name, status: 'sending', progress, result: null, error: null });
    if (/\.pdf$/i.test(file.name) && file.size > MAX_VERIFY_PDF_BYTES) {
      set({ status: 'error', progress: null, error: `${file.name} is larger than 200 MB.` });
      return;
    }
    try {
      const token = await sendFile(file, {
        onProgress: (sent, total) => set({ progress: { sent, total } }),
      });
      set({ status: 'checking', progress: null });
      const result = await api().invoke('verify.incoming', { token, fileName: file.name });
      set({ status: 'done', result });
    } catch (error) {
      set({ status: 'error', progress: null, error: errorMessage(error) });
    }
  },
  reset() {
    set({ fileName: null, status: 'idle', progress: null, result: null, error: null });
  },
}));
