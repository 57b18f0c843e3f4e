import { create } from 'zustand';
import type {
  Identity,
  IdentityCreateInput,
  IdentityImportInput,
  SignatureCheckResult,
} from '../../../shared/contracts/identities';
import { api, errorMessage } from '../api/client';

interface IdentitiesState {
  items: Identity[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  create(input: IdentityCreateInput): Promise<Identity>;
  importFile(input: IdentityImportInput): Promise<Identity>;
  remove(id: string): Promise<void>;
}

const byName = (a: Identity, b: Identity) => a.name.localeCompare(b.name);

/** Signing identities. Passphrases pass through here into one command and are never kept. */
export const useIdentities = create<IdentitiesState>((set, get) => ({
  items: [],
  status: 'idle',
  error: null,
  async load() {
    set({ status: get().status === 'ready' ? 'ready' : 'loading', error: null });
    try {
      set({ items: await api().invoke('identities.list', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async create(input) {
    const created = await api().invoke('identities.create', input);
    set({ items: [...get().items, created].sort(byName) });
    return created;
  },
  async importFile(input) {
    const imported = await api().invoke('identities.import', input);
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
  status: 'idle' | 'checking' | 'done' | 'error';
  result: SignatureCheckResult | null;
  error: string | null;
  verify(file: File): Promise<void>;
  reset(): void;
}

export const MAX_VERIFY_BYTES = 200 * 1024 * 1024;

export function readBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(reader.error ?? new Error('The file could not be read.'));
    reader.readAsDataURL(file);
  });
}

/** Verification of a picked file: its bytes go to the main side, never a path. */
export const useVerify = create<VerifyState>((set) => ({
  fileName: null,
  status: 'idle',
  result: null,
  error: null,
  async verify(file) {
    set({ fileName: file.name, status: 'checking', result: null, error: null });
    if (file.size > MAX_VERIFY_BYTES) {
      set({ status: 'error', error: `${file.name} is larger than 200 MB.` });
      return;
    }
    try {
      const fileBase64 = await readBase64(file);
      const result = await api().invoke('verify.file', { fileBase64, fileName: file.name });
      set({ status: 'done', result });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  reset() {
    set({ fileName: null, status: 'idle', result: null, error: null });
  },
}));
