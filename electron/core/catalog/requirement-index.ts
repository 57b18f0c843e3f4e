import type { CoreContext } from '../context';
import { areaOf } from '../../../shared/rules/scope';

export interface IndexedRequirement {
  id: string;
  ref: string;
  title: string;
  kind: string;
  area: string;
  assessable: boolean;
}

export interface RequirementIndex {
  byId: Map<string, IndexedRequirement>;
  /** Assessable, not retired, in catalog order. */
  assessable: IndexedRequirement[];
  controls: IndexedRequirement[];
  areaTitles: Record<string, string>;
}

const cache = new WeakMap<CoreContext, Map<string, RequirementIndex>>();

/**
 * The requirements of a framework, read once per process: catalogs load only at start, and every
 * progress, scope and scoring query needs them.
 */
export function requirementIndex(ctx: CoreContext, frameworkId: string): RequirementIndex {
  let perContext = cache.get(ctx);
  if (!perContext) {
    perContext = new Map();
    cache.set(ctx, perContext);
  }
  const cached = perContext.get(frameworkId);
  if (cached) return cached;
  const rows = ctx.store.sqlite
    .prepare(
      `SELECT id, ref, title, kind, assessable FROM requirements
       WHERE framework_id = ? AND retired = 0 ORDER BY sort_order`,
    )
    .all(frameworkId) as {
    id: string;
    ref: string;
    title: string;
    kind: string;
    assessable: number;
  }[];
  const index: RequirementIndex = { byId: new Map(), assessable: [], controls: [], areaTitles: {} };
  for (const row of rows) {
    const item = { ...row, assessable: row.assessable === 1, area: areaOf(row.ref) };
    index.byId.set(row.id, item);
    if (item.assessable) index.assessable.push(item);
    if (item.kind === 'control') index.controls.push(item);
    if (item.ref === item.area) index.areaTitles[item.area] = item.title;
  }
  perContext.set(frameworkId, index);
  return index;
}
