import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import { z } from 'zod';
import type { RequestList, RequestRow } from '../../../shared/contracts/evidence';
import type { ParsedInput } from '../../../shared/contracts';
import { toCsv } from '../../../shared/rules/csv';
import { countsAsReceived, effectiveEvidenceStatus } from '../../../shared/rules/evidence-status';
import type { CoreContext } from '../context';
import { readJson, schema } from '../db';
import { notFound } from '../errors';
import { today } from './queries';

const { assessments, engagements, frameworks, requirements, evidenceLinks, evidenceItems } = schema;

type Scope = ParsedInput<'evidence.requestList'>;

interface ResolvedScope {
  engagementId: string;
  frameworkId: string;
  title: string;
  excluded: string[];
}

const DEFAULT_FRAMEWORK = 'iso-iec-42001-2023';

/** Only what the request list reads of the stored catalog JSON. */
const excludedAreas = z.array(z.string());
const vocabularyMeta = z.object({
  vocabulary: z.object({ evidence: z.record(z.string(), z.string()) }),
});
const evidenceGuidance = z.object({ evidence: z.array(z.string()).optional() }).nullable();

function resolveScope(ctx: CoreContext, scope: Scope): ResolvedScope {
  const { db } = ctx.store;
  if (scope.assessmentId) {
    const a = db
      .select({
        engagementId: assessments.engagementId,
        frameworkId: assessments.frameworkId,
        title: assessments.title,
        excludedJson: assessments.excludedAreasJson,
        client: engagements.clientName,
      })
      .from(assessments)
      .innerJoin(engagements, eq(engagements.id, assessments.engagementId))
      .where(eq(assessments.id, scope.assessmentId))
      .get();
    if (!a) throw notFound('Assessment', scope.assessmentId);
    return {
      engagementId: a.engagementId,
      frameworkId: a.frameworkId,
      title: `${a.client} — ${a.title}`,
      excluded: readJson(excludedAreas, a.excludedJson, 'assessments.excluded_areas_json'),
    };
  }
  const engagementId = scope.engagementId ?? '';
  const e = db
    .select({ client: engagements.clientName })
    .from(engagements)
    .where(eq(engagements.id, engagementId))
    .get();
  if (!e) throw notFound('Engagement', engagementId);
  // Without an assessment: the framework of its latest assessment, else ISO/IEC 42001.
  const latest = db
    .select({ frameworkId: assessments.frameworkId })
    .from(assessments)
    .where(eq(assessments.engagementId, engagementId))
    .orderBy(desc(assessments.createdAt))
    .limit(1)
    .get();
  const fallback = db
    .select({ id: frameworks.id })
    .from(frameworks)
    .where(
      sql`coalesce(json_extract(${frameworks.metaJson}, '$.purpose'), 'assessment') = 'assessment'`,
    )
    .orderBy(desc(sql`${frameworks.id} = ${DEFAULT_FRAMEWORK}`), asc(frameworks.name))
    .limit(1)
    .get();
  const frameworkId = latest?.frameworkId ?? fallback?.id;
  if (!frameworkId) throw notFound('Framework', DEFAULT_FRAMEWORK);
  return { engagementId, frameworkId, title: e.client, excluded: [] };
}

/**
 * Per assessable requirement in scope: the catalog's typical evidence, the items linked to it
 * and what is still missing. Items are not tagged with a vocabulary key (the schema has no
 * place for it), so "missing" is the whole expected list until something is received.
 */
export function evidenceRequestList(ctx: CoreContext, scope: Scope): RequestList {
  const s = resolveScope(ctx, scope);
  const { db } = ctx.store;
  const fw = db
    .select({ metaJson: frameworks.metaJson })
    .from(frameworks)
    .where(eq(frameworks.id, s.frameworkId))
    .get();
  if (!fw) throw notFound('Framework', s.frameworkId);
  const vocabulary = readJson(vocabularyMeta, fw.metaJson, 'frameworks.meta_json').vocabulary
    .evidence;
  const assessable = db
    .select({
      id: requirements.id,
      ref: requirements.ref,
      title: requirements.title,
      guidanceJson: requirements.guidanceJson,
    })
    .from(requirements)
    .where(
      and(
        eq(requirements.frameworkId, s.frameworkId),
        eq(requirements.assessable, true),
        eq(requirements.retired, false),
      ),
    )
    .orderBy(asc(requirements.sortOrder))
    .all();
  const linked = db
    .select({
      requirementId: evidenceLinks.requirementId,
      id: evidenceItems.id,
      title: evidenceItems.title,
      status: evidenceItems.status,
      validUntil: evidenceItems.validUntil,
    })
    .from(evidenceLinks)
    .innerJoin(evidenceItems, eq(evidenceItems.id, evidenceLinks.evidenceId))
    .where(
      and(eq(evidenceItems.engagementId, s.engagementId), isNotNull(evidenceLinks.requirementId)),
    )
    .orderBy(asc(evidenceItems.title))
    .all();
  const day = today(ctx);
  const byRequirement = new Map<string, RequestRow['items']>();
  for (const l of linked) {
    if (l.requirementId === null) continue;
    const list = byRequirement.get(l.requirementId) ?? [];
    list.push({
      id: l.id,
      title: l.title,
      effectiveStatus: effectiveEvidenceStatus(l.status, l.validUntil, day),
    });
    byRequirement.set(l.requirementId, list);
  }
  const inScope = (ref: string) =>
    !s.excluded.some((area) => ref === area || ref.startsWith(`${area}.`));
  const rows: RequestRow[] = assessable
    .filter((r) => inScope(r.ref))
    .map((r) => {
      const guidance = readJson(evidenceGuidance, r.guidanceJson, 'requirements.guidance_json');
      const expected = (guidance?.evidence ?? []).map((key) => ({
        key,
        label: vocabulary[key] ?? key,
      }));
      const items = byRequirement.get(r.id) ?? [];
      const received = items.some((i) => countsAsReceived(i.effectiveStatus));
      const requested = items.some((i) => i.effectiveStatus === 'requested');
      return {
        requirementId: r.id,
        ref: r.ref,
        title: r.title,
        expected,
        items,
        state: received ? 'received' : requested ? 'requested' : 'missing',
        missing: received ? [] : expected,
      };
    });
  return {
    frameworkId: s.frameworkId,
    scopeTitle: s.title,
    rows,
    counts: {
      requirements: rows.length,
      received: rows.filter((r) => r.state === 'received').length,
      missing: rows.filter((r) => r.state !== 'received').length,
    },
  };
}

const stateLabel = { missing: 'Missing', requested: 'Requested', received: 'Received' } as const;

export function evidenceRequestListCsv(
  ctx: CoreContext,
  scope: Scope,
): { fileName: string; csv: string } {
  const list = evidenceRequestList(ctx, scope);
  const rows: (string | number)[][] = [
    ['Requirement', 'Title', 'Evidence to provide', 'Received so far', 'State', 'Still missing'],
    ...list.rows.map((r) => [
      r.ref,
      r.title,
      r.expected.map((e) => e.label).join('; '),
      r.items.map((i) => `${i.title} (${i.effectiveStatus})`).join('; '),
      stateLabel[r.state],
      r.missing.map((e) => e.label).join('; '),
    ]),
  ];
  const safe =
    list.scopeTitle
      .replace(/[^\p{L}\p{N} _-]+/gu, '')
      .trim()
      .slice(0, 60) || 'engagement';
  // A BOM so Excel reads the UTF-8 as UTF-8.
  return { fileName: `Evidence request list — ${safe}.csv`, csv: `\uFEFF${toCsv(rows)}` };
}
