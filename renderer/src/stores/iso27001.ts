import { create } from 'zustand';
import type {
  Iso27001ImportSummary,
  Iso27001Preview,
  Iso27001Reuse,
} from '../../../shared/contracts/iso27001';
import type { Iso27001FieldKey, PlainNumberReading } from '../../../shared/domain/iso27001-sheet';
import type { SuggestedResult } from '../../../shared/rules/iso27001-suggest';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { sendFile } from '../api/send-file';
import { newestWins } from './newest';

export type Iso27001Mapping = Partial<Record<Iso27001FieldKey, number | null>>;

/**
 * What the client's ISO/IEC 27001 sheet says for the assessment open in the workspace. Confirming
 * a suggestion and linking offered evidence reload the view, so it always shows what is stored.
 */
interface Iso27001State {
  reuse: Iso27001Reuse | null;
  error: string | null;
  load(assessmentId: string): Promise<void>;
  confirm(assessmentId: string, requirementId: string, result: SuggestedResult): Promise<void>;
  linkEvidence(assessmentId: string, evidenceId: string, requirementId: string): Promise<void>;
}

const requests = newestWins();

export const useIso27001 = create<Iso27001State>((set, get) => ({
  reuse: null,
  error: null,
  async load(assessmentId) {
    const current = requests.start();
    set((s) => ({
      error: null,
      reuse: s.reuse?.assessmentId === assessmentId ? s.reuse : null,
    }));
    try {
      const reuse = await api().invoke('iso27001.reuse', { assessmentId });
      if (current()) set({ reuse });
    } catch (error) {
      if (current()) set({ error: errorMessage(error) });
    }
  },
  async confirm(assessmentId, requirementId, result) {
    await api().invoke('iso27001.confirmSuggestion', { assessmentId, requirementId, result });
    await get().load(assessmentId);
  },
  async linkEvidence(assessmentId, evidenceId, requirementId) {
    await api().invoke('evidence.link', { evidenceId, requirementId });
    await get().load(assessmentId);
  },
}));

export interface SheetChoice {
  mapping?: Iso27001Mapping;
  plainNumbers?: PlainNumberReading;
}

/**
 * Reads a picked 27001 sheet for the mapping preview. The file goes through incoming.* for each
 * step (a received file is taken once); the dialog keeps the File.
 */
export async function previewIso27001Sheet(
  engagementId: string,
  file: File,
  choice: SheetChoice = {},
): Promise<Iso27001Preview> {
  const token = await sendFile(file);
  return api().invoke('iso27001.importPreview', {
    engagementId,
    fileName: file.name,
    token,
    ...(choice.mapping ? { mapping: choice.mapping } : {}),
    ...(choice.plainNumbers ? { plainNumbers: choice.plainNumbers } : {}),
  });
}

export async function importIso27001Sheet(
  engagementId: string,
  file: File,
  choice: Required<SheetChoice>,
): Promise<Iso27001ImportSummary> {
  const token = await sendFile(file);
  return api().invoke('iso27001.importCommit', {
    engagementId,
    fileName: file.name,
    token,
    ...choice,
  });
}
