import { create } from 'zustand';
import type { AiSystem, AiSystemInput } from '../../../shared/contracts/ai-systems';
import type {
  ImpactAssessment,
  ImpactAssessmentInput,
} from '../../../shared/contracts/impact-assessments';
import type {
  Risk,
  RiskCriteria,
  RiskCriteriaInput,
  RiskInput,
} from '../../../shared/contracts/risks';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';

/** The risk register of any engagement, read afresh (not kept here). */
export const fetchRisksOf = (engagementId: string) => api().invoke('risks.list', { engagementId });

const ENGAGEMENT_KEY = 'assay.risks.engagementId';

function rememberedEngagement(): string | null {
  try {
    return window.localStorage.getItem(ENGAGEMENT_KEY);
  } catch {
    return null;
  }
}

/** The AI systems, criteria, risk register and impact assessments of the chosen engagement. */
interface RisksState {
  engagementId: string | null;
  systems: AiSystem[];
  risks: Risk[];
  criteria: RiskCriteria | null;
  assessments: ImpactAssessment[];
  status: 'idle' | 'loading' | 'ready' | 'error';
  error: string | null;
  choose(engagementId: string | null): Promise<void>;
  reload(): Promise<void>;
  saveSystem(id: string | null, input: AiSystemInput): Promise<AiSystem>;
  deleteSystem(id: string): Promise<void>;
  saveRisk(id: string | null, input: RiskInput): Promise<Risk>;
  deleteRisk(id: string): Promise<void>;
  acceptRisk(id: string, acceptedBy: string, acceptedOn: string): Promise<Risk>;
  saveCriteria(input: RiskCriteriaInput): Promise<void>;
  rerate(): Promise<{ rerated: number; skipped: { ref: string; reason: string }[] }>;
  saveAssessment(
    id: string | null,
    aiSystemId: string,
    input: ImpactAssessmentInput,
  ): Promise<ImpactAssessment>;
  deleteAssessment(id: string): Promise<void>;
}

const need = (id: string | null): string => {
  if (!id) throw new Error('Choose an engagement first.');
  return id;
};

export const useRisks = create<RisksState>((set, get) => {
  const putRisk = (risk: Risk) => {
    const risks = get().risks;
    const index = risks.findIndex((r) => r.id === risk.id);
    set({ risks: index < 0 ? [...risks, risk] : risks.map((r) => (r.id === risk.id ? risk : r)) });
  };
  const refreshCriteria = async () => {
    const engagementId = need(get().engagementId);
    set({ criteria: await api().invoke('riskCriteria.get', { engagementId }) });
  };
  const refreshSystems = async () => {
    const engagementId = need(get().engagementId);
    set({ systems: await api().invoke('aiSystems.list', { engagementId }) });
  };
  return {
    engagementId: rememberedEngagement(),
    systems: [],
    risks: [],
    criteria: null,
    assessments: [],
    status: 'idle',
    error: null,
    async choose(engagementId) {
      try {
        if (engagementId) window.localStorage.setItem(ENGAGEMENT_KEY, engagementId);
        else window.localStorage.removeItem(ENGAGEMENT_KEY);
      } catch {
        // Storage may be unavailable; the choice then lasts for this session only.
      }
      set({ engagementId, systems: [], risks: [], criteria: null, assessments: [] });
      if (engagementId) await get().reload();
      else set({ status: 'idle' });
    },
    async reload() {
      const engagementId = get().engagementId;
      if (!engagementId) return;
      set({ status: 'loading', error: null });
      try {
        const [systems, risks, criteria, assessments] = await Promise.all([
          api().invoke('aiSystems.list', { engagementId }),
          api().invoke('risks.list', { engagementId }),
          api().invoke('riskCriteria.get', { engagementId }),
          api().invoke('impactAssessments.list', { engagementId }),
        ]);
        if (get().engagementId !== engagementId) return;
        set({ systems, risks, criteria, assessments, status: 'ready' });
      } catch (error) {
        set({ status: 'error', error: errorMessage(error) });
      }
    },
    async saveSystem(id, input) {
      const engagementId = need(get().engagementId);
      const saved = id
        ? await api().invoke('aiSystems.update', { id, ...input })
        : await api().invoke('aiSystems.create', { engagementId, ...input });
      await refreshSystems();
      // A renamed system shows under its new name in the register.
      if (id) set({ risks: await api().invoke('risks.list', { engagementId }) });
      return saved;
    },
    async deleteSystem(id) {
      await api().invoke('aiSystems.delete', { id });
      await get().reload();
    },
    async saveRisk(id, input) {
      const engagementId = need(get().engagementId);
      const saved = id
        ? await api().invoke('risks.update', { id, ...input })
        : await api().invoke('risks.create', { engagementId, ...input });
      putRisk(saved);
      await Promise.all([refreshCriteria(), refreshSystems()]);
      return saved;
    },
    async deleteRisk(id) {
      await api().invoke('risks.delete', { id });
      set({ risks: get().risks.filter((r) => r.id !== id) });
      await Promise.all([refreshCriteria(), refreshSystems()]);
    },
    async acceptRisk(id, acceptedBy, acceptedOn) {
      const saved = await api().invoke('risks.accept', { id, acceptedBy, acceptedOn });
      putRisk(saved);
      return saved;
    },
    async saveCriteria(input) {
      const engagementId = need(get().engagementId);
      set({ criteria: await api().invoke('riskCriteria.save', { engagementId, ...input }) });
    },
    async rerate() {
      const engagementId = need(get().engagementId);
      const result = await api().invoke('risks.rerate', { engagementId });
      await get().reload();
      return result;
    },
    async saveAssessment(id, aiSystemId, input) {
      const engagementId = need(get().engagementId);
      const saved = id
        ? await api().invoke('impactAssessments.update', { id, ...input })
        : await api().invoke('impactAssessments.create', { aiSystemId, ...input });
      set({ assessments: await api().invoke('impactAssessments.list', { engagementId }) });
      await refreshSystems();
      return saved;
    },
    async deleteAssessment(id) {
      const engagementId = need(get().engagementId);
      await api().invoke('impactAssessments.delete', { id });
      set({ assessments: await api().invoke('impactAssessments.list', { engagementId }) });
      await refreshSystems();
    },
  };
});
