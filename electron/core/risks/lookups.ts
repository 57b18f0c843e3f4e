import { and, eq } from 'drizzle-orm';
import { z } from 'zod';
import { FRAMEWORK_42001 } from '../../../shared/domain/risks';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { invalid } from '../errors';

const { frameworks, requirements, aiSystems } = schema;

/** What a risk may refer to: the catalog's Annex C ids and controls, the engagement's systems. */
export interface RiskLookups {
  engagementId: string;
  sources: Set<string>;
  objectives: Set<string>;
  /** control requirement id → ref, e.g. iso-iec-42001-2023:A.6.2.4 → A.6.2.4 */
  controls: Map<string, string>;
  /** ai system id → name */
  systems: Map<string, string>;
}

const annexEntries = z.array(z.object({ id: z.string(), title: z.string() }));
const annexCMeta = z.object({
  annexC: z
    .object({ objectives: annexEntries.optional(), riskSources: annexEntries.optional() })
    .optional(),
});

export interface AnnexC {
  objectives: { id: string; title: string }[];
  riskSources: { id: string; title: string }[];
}

/** The catalog's Annex C objectives and risk sources (empty when no catalog is loaded). */
export function annexC(ctx: CoreContext): AnnexC {
  const fw = ctx.store.db
    .select({ metaJson: frameworks.metaJson })
    .from(frameworks)
    .where(eq(frameworks.id, FRAMEWORK_42001))
    .get();
  const meta = fw ? readJson(annexCMeta, fw.metaJson, 'frameworks.meta_json').annexC : undefined;
  return { objectives: meta?.objectives ?? [], riskSources: meta?.riskSources ?? [] };
}

export function loadRiskLookups(ctx: CoreContext, engagementId: string): RiskLookups {
  const { db } = ctx.store;
  const annex = annexC(ctx);
  const controls = db
    .select({ id: requirements.id, ref: requirements.ref })
    .from(requirements)
    .where(
      and(
        eq(requirements.frameworkId, FRAMEWORK_42001),
        eq(requirements.kind, 'control'),
        eq(requirements.retired, false),
      ),
    )
    .all();
  const systems = db
    .select({ id: aiSystems.id, name: aiSystems.name })
    .from(aiSystems)
    .where(eq(aiSystems.engagementId, engagementId))
    .all();
  return {
    engagementId,
    sources: new Set(annex.riskSources.map((s) => s.id)),
    objectives: new Set(annex.objectives.map((o) => o.id)),
    controls: new Map(controls.map((c) => [c.id, c.ref])),
    systems: new Map(systems.map((s) => [s.id, s.name])),
  };
}

export interface RiskReferences {
  aiSystemIds: string[];
  riskSource: string | null;
  objectives: string[];
  controlIds: string[];
}

/** Refuses a reference the catalog or the engagement does not have, naming the field. */
export function checkRiskReferences(lookups: RiskLookups, refs: RiskReferences): void {
  for (const id of refs.aiSystemIds) {
    if (!lookups.systems.has(id)) {
      throw invalid('aiSystemIds', `${id} is not an AI system of this engagement`);
    }
  }
  if (refs.riskSource !== null && !lookups.sources.has(refs.riskSource)) {
    throw invalid('riskSource', `${refs.riskSource} is not an Annex C risk source of the catalog`);
  }
  for (const id of refs.objectives) {
    if (!lookups.objectives.has(id)) {
      throw invalid('objectives', `${id} is not an Annex C objective of the catalog`);
    }
  }
  for (const id of refs.controlIds) {
    if (!lookups.controls.has(id)) {
      throw invalid('controlIds', `${id} is not an Annex A control of ${FRAMEWORK_42001}`);
    }
  }
}
