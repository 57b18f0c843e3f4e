import { create } from 'zustand';
import type { CommandInput } from '../../../shared/contracts';
import type { Branding } from '../../../shared/contracts/branding';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { blobToBase64 } from '../api/base64';

export type BrandingFields = CommandInput<'branding.save'>;

interface BrandingState {
  branding: Branding | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(): Promise<void>;
  save(fields: BrandingFields): Promise<Branding>;
  setLogo(file: File): Promise<Branding>;
  clearLogo(): Promise<void>;
}

/** The consultancy branding reports carry; saved by the main side, which checks every field. */
export const useBranding = create<BrandingState>((set) => ({
  branding: null,
  status: 'idle',
  error: null,
  async load() {
    set({ status: 'loading', error: null });
    try {
      set({ branding: await api().invoke('branding.get', {}), status: 'ready' });
    } catch (error) {
      set({ status: 'error', error: errorMessage(error) });
    }
  },
  async save(fields) {
    const branding = await api().invoke('branding.save', fields);
    set({ branding });
    return branding;
  },
  async setLogo(file) {
    const fileBase64 = await blobToBase64(file);
    const branding = await api().invoke('branding.setLogo', { fileName: file.name, fileBase64 });
    set({ branding });
    return branding;
  },
  async clearLogo() {
    await api().invoke('branding.clearLogo', {});
    set((s) => ({ branding: s.branding && { ...s.branding, logo: null } }));
  },
}));
