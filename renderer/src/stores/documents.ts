import { create } from 'zustand';
import type { DocumentRow } from '../../../shared/contracts/documents';
import type { DocumentKey } from '../../../shared/rules/documented-information';
import { api } from '../api/client';
import { loadForAssessment, replaceSavedRow } from './assessment-scoped';

export interface DocumentRecordInput {
  exists: boolean;
  approved: boolean;
  current: boolean;
  owner: string;
  reviewDate: string | null;
  reference: string;
  notes: string;
  evidenceIds: string[];
}

/** The documented-information register of the assessment open in the workspace. */
interface DocumentsState {
  assessmentId: string | null;
  rows: DocumentRow[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  load(assessmentId: string): Promise<void>;
  save(assessmentId: string, key: DocumentKey, record: DocumentRecordInput): Promise<DocumentRow>;
}

export const useDocuments = create<DocumentsState>((set, get) => ({
  assessmentId: null,
  rows: [],
  status: 'idle',
  error: null,
  load(assessmentId) {
    return loadForAssessment(get, set, assessmentId, 'rows', async () =>
      api().invoke('documents.list', { assessmentId }),
    );
  },
  async save(assessmentId, key, record) {
    const row = await api().invoke('documents.save', { assessmentId, key, ...record });
    return replaceSavedRow(get, set, assessmentId, row, (r) => r.key === key);
  },
}));

/** The engagement's evidence items a record may link to, by title. */
export async function fetchEvidenceChoices(engagementId: string) {
  const items = await api().invoke('evidence.list', { engagementId });
  return items
    .map((e) => ({ value: e.id, label: e.title }))
    .sort((a, b) => a.label.localeCompare(b.label));
}
