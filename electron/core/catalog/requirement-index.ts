import { and, asc, eq } from 'drizzle-orm';
import { areaOf } from '../../../shared/rules/scope';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { perFramework } from './cache';

const { requirements } = schema;

function selectRequirements(ctx: CoreContext, frameworkId: string) {
  return ctx.store.db
    .select({
      id: requirements.id,
      ref: requirements.ref,
      title: requirements.title,
      kind: requirements.kind,
      assessable: requirements.assessable,
    })
    .from(requirements)
    .where(and(eq(requirements.frameworkId, frameworkId), eq(requirements.retired, false)))
    .orderBy(asc(requirements.sortOrder))
    .all();
}

export type IndexedRequirement = ReturnType<typeof selectRequirements>[number] & { area: string };

export interface RequirementIndex {
  byId: Map<string, IndexedRequirement>;
  /** Assessable, not retired, in catalog order. */
  assessable: IndexedRequirement[];
  controls: IndexedRequirement[];
  areaTitles: Record<string, string>;
}

const cached = perFramework<RequirementIndex>();

/**
 * The requirements of a framework, read once per process: catalogs load only at start, and every
 * progress, scope and scoring query needs them.
 */
export function requirementIndex(ctx: CoreContext, frameworkId: string): RequirementIndex {
  return cached(ctx, frameworkId, () => buildIndex(ctx, frameworkId));
}

function buildIndex(ctx: CoreContext, frameworkId: string): RequirementIndex {
  const index: RequirementIndex = { byId: new Map(), assessable: [], controls: [], areaTitles: {} };
  for (const row of selectRequirements(ctx, frameworkId)) {
    const item = { ...row, area: areaOf(row.ref) };
    index.byId.set(row.id, item);
    if (item.assessable) index.assessable.push(item);
    if (item.kind === 'control') index.controls.push(item);
    if (item.ref === item.area) index.areaTitles[item.area] = item.title;
  }
  return index;
}
