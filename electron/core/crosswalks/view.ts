import type { CrosswalkView, RelatedItem } from '../../../shared/contracts/crosswalks';
import { and, eq, inArray } from 'drizzle-orm';
import { isNodeKind, type NodeKind } from '../../../shared/catalog/format';
import type { CoreContext } from '../context';
import { schema } from '../db';
import { notFound } from '../errors';
import { crosswalksOf } from './load';

const { frameworks, requirements } = schema;

type Entry = Pick<typeof requirements.$inferSelect, 'title'> & { kind: NodeKind };

/** Title and kind of every current entry of the given frameworks, keyed `<framework>\0<ref>`. */
function entries(ctx: CoreContext, frameworkIds: string[]): Map<string, Entry> {
  if (frameworkIds.length === 0) return new Map();
  const rows = ctx.store.db
    .select({
      frameworkId: requirements.frameworkId,
      ref: requirements.ref,
      title: requirements.title,
      kind: requirements.kind,
    })
    .from(requirements)
    .where(and(eq(requirements.retired, false), inArray(requirements.frameworkId, frameworkIds)))
    .all();
  return new Map(
    rows.map((r) => {
      const { kind } = r;
      // The loader wrote only kinds the catalog format allows; anything else is a damaged store.
      if (!isNodeKind(kind)) throw new Error(`requirements.kind: unknown kind ${kind}`);
      return [`${r.frameworkId}\u0000${r.ref}`, { title: r.title, kind }];
    }),
  );
}

/**
 * Every crosswalk row touching a framework, from either side, with both ends' titles: for a 42001
 * requirement its related articles, subcategories and controls; for an article the 42001
 * requirements related to it.
 */
export function crosswalkView(ctx: CoreContext, frameworkId: string): CrosswalkView {
  const known = ctx.store.db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(eq(frameworks.id, frameworkId))
    .get();
  if (!known) throw notFound('Framework', frameworkId);
  const touching = crosswalksOf(ctx)
    .map((l) => l.crosswalk)
    .filter((c) => c.from === frameworkId || c.to === frameworkId);
  const titles = entries(ctx, [...new Set(touching.flatMap((c) => [c.from, c.to]))]);
  const rows: RelatedItem[] = [];
  for (const c of touching) {
    for (const row of c.rows) {
      const from = titles.get(`${c.from}\u0000${row.from}`);
      const to = titles.get(`${c.to}\u0000${row.to}`);
      // Checked at start; a row can only lack an end if the store changed since, so skip it.
      if (!from || !to) continue;
      rows.push({
        fromFramework: c.from,
        from: row.from,
        fromTitle: from.title,
        toFramework: c.to,
        to: row.to,
        toTitle: to.title,
        toKind: to.kind,
        relation: row.relation,
        confidence: row.confidence,
        rationale: row.rationale,
        source: row.source,
      });
    }
  }
  const unmatched = touching
    .filter((c) => c.from === frameworkId)
    .flatMap((c) =>
      c.unmatched.map((u) => ({
        fromFramework: c.from,
        from: u.from,
        toFramework: c.to,
        rationale: u.rationale,
      })),
    );
  return { frameworkId, rows, unmatched };
}
