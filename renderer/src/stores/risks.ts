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
import type { ImportPreview } from '../../../shared/contracts/risk-sheets';
import type { ImportFieldKey } from '../../../shared/domain/risk-sheet-fields';
import { api } from '../api/client';
import { errorMessage } from '../api/error-message';
import { sendFile } from '../api/send-file';
import { newestWins, type NewestWins } from './newest';

/** The risk register of any engagement, read afresh (not kept here). */
export const fetchRisksOf = (engagementId: string) => api().invoke('risks.list', { engagementId });

/**
 * How many risks are read first when a register opens: enough to fill the screen at once, so a
 * register of 10,000 is drawn before the whole of it (10 MB) has been read, sent and parsed.
 */
export const FIRST_RISKS = 200;

/** One risk with its history, read afresh for its drawer. */
export const fetchRisk = (id: string) => api().invoke('risks.get', { id });

/** Which sheet column (by index) fills which register field; null leaves the field unset. */
export type SheetMapping = Partial<Record<ImportFieldKey, number | null>>;

/**
 * Checks a spreadsheet against the register's rules without storing anything. The picked file
 * goes to the main side through the one send-file path (incoming.*) for each step, since a
 * received file is taken once; the page keeps the File.
 */
export async function previewRiskImport(
  engagementId: string,
  file: File,
  mapping?: SheetMapping,
): Promise<ImportPreview> {
  const token = await sendFile(file);
  return api().invoke('risks.importPreview', {
    engagementId,
    fileName: file.name,
    token,
    ...(mapping ? { mapping } : {}),
  });
}

export const exportRisksXlsx = (engagementId: string) =>
  api().invoke('risks.exportXlsx', { engagementId });

export const exportRisksCsv = (engagementId: string) =>
  api().invoke('risks.exportCsv', { engagementId });

const ENGAGEMENT_KEY = 'assay.risks.engagementId';

function rememberedEngagement(): string | null {
  try {
    return window.localStorage.getItem(ENGAGEMENT_KEY);
  } catch {
    return null;
  }
}

/** The parts of the chosen engagement's register, each read on its own after a change. */
interface RegisterParts {
  systems: AiSystem[];
  risks: Risk[];
  criteria: RiskCriteria | null;
  assessments: ImpactAssessment[];
}
type Part = keyof RegisterParts;

/** The AI systems, criteria, risk register and impact assessments of the chosen engagement. */
interface RisksState extends RegisterParts {
  engagementId: string | null;
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Only the register's first rows are here yet; the rest is being read. */
  risksLoading: boolean;
  error: string | null;
  choose(engagementId: string | null): Promise<void>;
  /**
   * Starts reading the remembered engagement's register when the screen opens, without waiting
   * for the list of engagements to confirm it. Quiet if that fails (the engagement may be gone):
   * the status goes back to idle, and the engagement picker chooses again. `screenLoaded`, on a
   * cold start: the screen's code, which the rest of a large register waits for (see load).
   */
  openRemembered(screenLoaded?: Promise<unknown>): Promise<void>;
  reload(): Promise<void>;
  saveSystem(id: string | null, input: AiSystemInput): Promise<AiSystem>;
  deleteSystem(id: string): Promise<void>;
  saveRisk(id: string | null, input: RiskInput): Promise<Risk>;
  deleteRisk(id: string): Promise<void>;
  acceptRisk(id: string, acceptedBy: string, acceptedOn: string): Promise<Risk>;
  saveCriteria(input: RiskCriteriaInput): Promise<void>;
  rerate(): Promise<{ rerated: number; skipped: { ref: string; reason: string }[] }>;
  /** Stores every row of a checked spreadsheet (all or none), then reloads the register. */
  importSheet(file: File, mapping: SheetMapping): Promise<{ imported: number }>;
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

const readers: { [P in Part]: (engagementId: string) => Promise<RegisterParts[P]> } = {
  systems: (engagementId) => api().invoke('aiSystems.list', { engagementId }),
  risks: fetchRisksOf,
  criteria: (engagementId) => api().invoke('riskCriteria.get', { engagementId }),
  assessments: (engagementId) => api().invoke('impactAssessments.list', { engagementId }),
};
const allParts: Part[] = ['systems', 'risks', 'criteria', 'assessments'];

/**
 * One guard per part: a part read before a newer read of it, or before the user chose another
 * engagement, never lands (a late answer would show, and then save, the other engagement's data).
 */
const reads: Record<Part, NewestWins> = {
  systems: newestWins(),
  risks: newestWins(),
  criteria: newestWins(),
  assessments: newestWins(),
};
const reloads = newestWins();
/** The background read of a register's rest: a newer reload or engagement stops the older one. */
const rests = newestWins();

/**
 * Resolves once the browser has painted what the page holds now: after the next animation frame
 * (the paint follows it at once). A page that is not painting (hidden) goes on after a moment;
 * where there are no frames at all (no DOM), at once.
 */
const afterPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame !== 'function') {
      resolve();
      return;
    }
    const fallback = setTimeout(resolve, 1000);
    requestAnimationFrame(() =>
      setTimeout(() => {
        clearTimeout(fallback);
        resolve();
      }, 0),
    );
  });

export const useRisks = create<RisksState>((set, get) => {
  /**
   * Reads parts of an engagement's register afresh after a change to it; nothing if the user has
   * chosen another engagement meanwhile. Each part lands only while it is the newest read of it.
   */
  const refresh = async (engagementId: string, ...parts: Part[]) => {
    if (get().engagementId !== engagementId) return;
    const current = parts.map((part) => reads[part].start());
    const values = await Promise.all(parts.map((part) => readers[part](engagementId)));
    const patch: Partial<RegisterParts> = {};
    // values[i] was read by readers[parts[i]], so it has that part's type.
    parts.forEach((part, i) => current[i]?.() && Object.assign(patch, { [part]: values[i] }));
    // The whole register landed: nothing more to wait for.
    set('risks' in patch ? { ...patch, risksLoading: false } : patch);
  };
  /**
   * The rest of a register whose first rows are shown. A risk saved or deleted meanwhile makes
   * the read in flight stale (it may predate the change): the register is then read again, so
   * neither that change nor the rows still missing are lost. Stops once another read brought the
   * whole register, or the user reloaded or chose another engagement.
   */
  const readRest = async (engagementId: string) => {
    const mine = rests.start();
    while (mine() && get().risksLoading && get().engagementId === engagementId) {
      const current = reads.risks.start();
      try {
        const all = await fetchRisksOf(engagementId);
        if (current() && mine()) set({ risks: all, risksLoading: false });
      } catch (error) {
        // A partial register must not pass for the whole: say so, with a way to retry.
        if (current() && mine())
          set({ risksLoading: false, status: 'error', error: errorMessage(error) });
        return;
      }
    }
  };
  /**
   * The register's first rows. Says whether the rest is to be read: there are more, or a risk
   * was saved or deleted before they came (this read is then stale, so the whole register is
   * read instead), unless the user has reloaded or moved on meanwhile (`stillWanted`).
   */
  const readFirstRisks = async (engagementId: string, stillWanted: () => boolean) => {
    rests.forget();
    const current = reads.risks.start();
    const first = await api().invoke('risks.list', { engagementId, limit: FIRST_RISKS });
    if (!current()) {
      const wanted = stillWanted() && get().engagementId === engagementId;
      if (wanted) set({ risksLoading: true });
      return wanted;
    }
    const more = first.length >= FIRST_RISKS;
    set({ risks: first, risksLoading: more });
    return more;
  };
  /** A risk saved for the engagement still chosen joins its register. */
  const putRisk = (risk: Risk) => {
    if (risk.engagementId !== get().engagementId) return;
    reads.risks.forget();
    const risks = get().risks;
    const index = risks.findIndex((r) => r.id === risk.id);
    // (A background read of the rest, made stale here, reads again: see readRest.)
    set({ risks: index < 0 ? [...risks, risk] : risks.map((r) => (r.id === risk.id ? risk : r)) });
  };
  /**
   * Reads the chosen engagement's register afresh; `quiet`: a failure leaves it idle. The rest of
   * a large register is read once its first rows are drawn (after `screenLoaded`, if the screen's
   * code is still on its way, and a painted frame).
   */
  const load = async (quiet: boolean, screenLoaded?: Promise<unknown>) => {
    const engagementId = get().engagementId;
    if (!engagementId) return;
    const current = reloads.start();
    set({ status: 'loading', error: null });
    try {
      // The first rows are asked for first: the main side answers in turn, and they are what
      // the register waits for.
      const [rest] = await Promise.all([
        readFirstRisks(engagementId, current),
        refresh(engagementId, 'systems', 'criteria', 'assessments'),
      ]);
      if (!current()) return;
      set({ status: 'ready' });
      if (!rest) return;
      // The rest (10 MB for 10,000 risks) is asked for once the first rows are on screen: the
      // main side answers one request at a time, and building that answer held back the
      // screen's code and its other reads by up to a second on a cold start.
      await screenLoaded?.catch(() => undefined);
      await afterPaint();
      if (current()) void readRest(engagementId);
    } catch (error) {
      if (current())
        set(quiet ? { status: 'idle' } : { status: 'error', error: errorMessage(error) });
    }
  };
  return {
    engagementId: rememberedEngagement(),
    systems: [],
    risks: [],
    criteria: null,
    assessments: [],
    status: 'idle',
    risksLoading: false,
    error: null,
    async choose(engagementId) {
      try {
        if (engagementId) window.localStorage.setItem(ENGAGEMENT_KEY, engagementId);
        else window.localStorage.removeItem(ENGAGEMENT_KEY);
      } catch {
        // Storage may be unavailable; the choice then lasts for this session only.
      }
      for (const part of allParts) reads[part].forget();
      reloads.forget();
      rests.forget();
      set({
        engagementId,
        systems: [],
        risks: [],
        risksLoading: false,
        criteria: null,
        assessments: [],
      });
      if (engagementId) await get().reload();
      else set({ status: 'idle' });
    },
    async openRemembered(screenLoaded) {
      if (get().status === 'idle') await load(true, screenLoaded);
    },
    reload: () => load(false),
    async saveSystem(id, input) {
      const engagementId = need(get().engagementId);
      const saved = id
        ? await api().invoke('aiSystems.update', { id, ...input })
        : await api().invoke('aiSystems.create', { engagementId, ...input });
      // A renamed system shows under its new name in the register.
      await (id ? refresh(engagementId, 'systems', 'risks') : refresh(engagementId, 'systems'));
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
      await refresh(engagementId, 'criteria', 'systems');
      return saved;
    },
    async deleteRisk(id) {
      const engagementId = need(get().engagementId);
      await api().invoke('risks.delete', { id });
      if (get().engagementId !== engagementId) return;
      // A read in flight may predate the delete: it must not bring the risk back.
      reads.risks.forget();
      set({ risks: get().risks.filter((r) => r.id !== id) });
      await refresh(engagementId, 'criteria', 'systems');
    },
    async acceptRisk(id, acceptedBy, acceptedOn) {
      const saved = await api().invoke('risks.accept', { id, acceptedBy, acceptedOn });
      putRisk(saved);
      return saved;
    },
    async saveCriteria(input) {
      const engagementId = need(get().engagementId);
      const criteria = await api().invoke('riskCriteria.save', { engagementId, ...input });
      if (get().engagementId !== engagementId) return;
      reads.criteria.forget();
      set({ criteria });
    },
    async rerate() {
      const engagementId = need(get().engagementId);
      const result = await api().invoke('risks.rerate', { engagementId });
      await get().reload();
      return result;
    },
    async importSheet(file, mapping) {
      const engagementId = need(get().engagementId);
      const token = await sendFile(file);
      const result = await api().invoke('risks.importCommit', {
        engagementId,
        fileName: file.name,
        token,
        mapping,
      });
      await get().reload();
      return result;
    },
    async saveAssessment(id, aiSystemId, input) {
      const engagementId = need(get().engagementId);
      const saved = id
        ? await api().invoke('impactAssessments.update', { id, ...input })
        : await api().invoke('impactAssessments.create', { aiSystemId, ...input });
      await refresh(engagementId, 'assessments', 'systems');
      return saved;
    },
    async deleteAssessment(id) {
      const engagementId = need(get().engagementId);
      await api().invoke('impactAssessments.delete', { id });
      await refresh(engagementId, 'assessments', 'systems');
    },
  };
});
