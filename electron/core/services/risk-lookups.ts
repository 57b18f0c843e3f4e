import { FRAMEWORK_42001 } from '../../../shared/domain/risks';
import type { CoreContext } from '../context';
import { invalid } from '../errors';

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

interface AnnexC {
  annexC?: { objectives?: { id: string }[]; riskSources?: { id: string }[] };
}

export function loadRiskLookups(ctx: CoreContext, engagementId: string): RiskLookups {
  const sqlite = ctx.store.sqlite;
  const fw = sqlite
    .prepare('SELECT meta_json AS metaJson FROM frameworks WHERE id = ?')
    .get(FRAMEWORK_42001) as { metaJson: string } | undefined;
  const meta = fw ? (JSON.parse(fw.metaJson) as AnnexC) : {};
  const controls = sqlite
    .prepare(
      `SELECT id, ref FROM requirements WHERE framework_id = ? AND kind = 'control' AND retired = 0`,
    )
    .all(FRAMEWORK_42001) as { id: string; ref: string }[];
  const systems = sqlite
    .prepare('SELECT id, name FROM ai_systems WHERE engagement_id = ?')
    .all(engagementId) as { id: string; name: string }[];
  return {
    engagementId,
    sources: new Set((meta.annexC?.riskSources ?? []).map((s) => s.id)),
    objectives: new Set((meta.annexC?.objectives ?? []).map((o) => o.id)),
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

/** Compares refs such as A.6.2.10 and A.6.2.4 by their numbers, not as text. */
export function compareRefs(a: string, b: string): number {
  return a.localeCompare(b, 'en', { numeric: true });
}
