import fs from 'node:fs';
import path from 'node:path';
import {
  catalogShape,
  crosswalkProblems,
  crosswalkSchema,
  type CatalogShape,
  type Crosswalk,
  type CrosswalkRow,
} from '../../../shared/crosswalk/format';
import { describeIssues, issuesFromZod } from '../../../shared/contracts/envelope';
import { eq } from 'drizzle-orm';
import type { CoreContext } from '../context';
import { schema } from '../db';

const { requirements } = schema;

export class CrosswalkError extends Error {
  override name = 'CrosswalkError';
}

export interface LoadedCrosswalk {
  file: string;
  crosswalk: Crosswalk;
}

/** Reads and checks one crosswalk file's shape; throws a CrosswalkError naming the file. */
export function readCrosswalkFile(file: string): Crosswalk {
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (error) {
    throw new CrosswalkError(`${file} is not valid JSON: ${(error as Error).message}`);
  }
  const parsed = crosswalkSchema.safeParse(raw);
  if (!parsed.success)
    throw new CrosswalkError(`${file}: ${describeIssues(issuesFromZod(parsed.error))}`);
  return parsed.data;
}

/** The shapes of the catalogs in the store (current entries only), by framework id. */
function storedShapes(ctx: CoreContext): Map<string, CatalogShape> {
  const rows = ctx.store.db
    .select({
      frameworkId: requirements.frameworkId,
      ref: requirements.ref,
      parent: requirements.parentRef,
      assessable: requirements.assessable,
    })
    .from(requirements)
    .where(eq(requirements.retired, false))
    .orderBy(requirements.frameworkId, requirements.sortOrder)
    .all();
  const byFramework = new Map<string, typeof rows>();
  for (const row of rows)
    byFramework.set(row.frameworkId, [...(byFramework.get(row.frameworkId) ?? []), row]);
  return new Map([...byFramework].map(([id, nodes]) => [id, catalogShape(id, nodes)]));
}

const loaded = new WeakMap<CoreContext, LoadedCrosswalk[]>();

/**
 * Reads every crosswalk in resources/crosswalks and checks each against the catalogs in the store:
 * a shipped crosswalk that names an identifier the catalog lacks is a defect, refused loudly like a
 * malformed catalog. A resources folder without crosswalks (a trimmed test install) has none.
 */
export function loadCrosswalks(ctx: CoreContext): LoadedCrosswalk[] {
  const dir = path.join(ctx.resourcesDir, 'crosswalks');
  const files = fs.existsSync(dir)
    ? fs
        .readdirSync(dir)
        .filter((name) => name.endsWith('.json'))
        .sort()
        .map((name) => path.join(dir, name))
    : [];
  const shapes = storedShapes(ctx);
  const result = files.map((file) => {
    const crosswalk = readCrosswalkFile(file);
    const problems = crosswalkProblems(
      crosswalk,
      shapes.get(crosswalk.from),
      shapes.get(crosswalk.to),
    );
    if (problems.length > 0)
      throw new CrosswalkError(`${file}: ${problems.slice(0, 10).join('; ')}`);
    return { file, crosswalk };
  });
  loaded.set(ctx, result);
  return result;
}

/** The crosswalks checked at start (loaded now for a context that was not started by startCore). */
export function crosswalksOf(ctx: CoreContext): LoadedCrosswalk[] {
  return loaded.get(ctx) ?? loadCrosswalks(ctx);
}

/** The framework our crosswalks start from. */
export const ISO_42001 = 'iso-iec-42001-2023';

/**
 * The rows of our crosswalk from ISO/IEC 42001 to one framework, grouped by one end's ref: by
 * 'from' for a 42001 requirement's related entries, by 'to' for the requirements behind an entry.
 */
export function rowsFrom42001(
  ctx: CoreContext,
  to: string,
  by: 'from' | 'to',
): Map<string, CrosswalkRow[]> {
  const map = new Map<string, CrosswalkRow[]>();
  for (const { crosswalk } of crosswalksOf(ctx)) {
    if (crosswalk.from !== ISO_42001 || crosswalk.to !== to) continue;
    for (const row of crosswalk.rows) map.set(row[by], [...(map.get(row[by]) ?? []), row]);
  }
  return map;
}
