import { z } from 'zod';
import { eq } from 'drizzle-orm';
import { overlapSchema, type Overlap } from '../../../shared/catalog/format';
import { readJson, schema } from '../db';
import type { CoreContext } from '../context';
import { perFramework } from './cache';
import { notFound } from '../errors';

const storedOverlaps = z.object({ overlaps: z.array(overlapSchema).default([]) });

const cached = perFramework<Overlap[]>();

/**
 * The clause/Annex A overlaps of a framework, without the rest of the catalog: readiness needs
 * them to count a shared artefact once (shared/catalog/overlaps.ts). Read once per core.
 */
export function catalogOverlaps(ctx: CoreContext, frameworkId: string): Overlap[] {
  return cached(ctx, frameworkId, () => {
    const row = ctx.store.db
      .select({ metaJson: schema.frameworks.metaJson })
      .from(schema.frameworks)
      .where(eq(schema.frameworks.id, frameworkId))
      .get();
    if (!row) throw notFound('Framework', frameworkId);
    return readJson(storedOverlaps, row.metaJson, 'frameworks.meta_json').overlaps;
  });
}
