import type { RequestList, RequestRow } from '../../../shared/contracts/evidence';
import type { ParsedInput } from '../../../shared/contracts';
import { toCsv } from '../../../shared/rules/csv';
import { countsAsReceived, type EvidenceStatus } from '../../../shared/rules/evidence-status';
import { effectiveEvidenceStatus } from '../../../shared/rules/evidence-status';
import type { CoreContext } from '../context';
import { notFound } from '../errors';
import { today } from './evidence';

type Scope = ParsedInput<'evidence.requestList'>;

interface ResolvedScope {
  engagementId: string;
  frameworkId: string;
  title: string;
  excluded: string[];
}

const DEFAULT_FRAMEWORK = 'iso-iec-42001-2023';

function resolveScope(ctx: CoreContext, scope: Scope): ResolvedScope {
  const db = ctx.store.sqlite;
  if (scope.assessmentId) {
    const a = db
      .prepare(
        `SELECT a.engagement_id AS engagementId, a.framework_id AS frameworkId, a.title, a.excluded_areas_json AS excludedJson,
           e.client_name AS client FROM assessments a JOIN engagements e ON e.id = a.engagement_id WHERE a.id = ?`,
      )
      .get(scope.assessmentId) as
      | {
          engagementId: string;
          frameworkId: string;
          title: string;
          excludedJson: string;
          client: string;
        }
      | undefined;
    if (!a) throw notFound('Assessment', scope.assessmentId);
    return {
      engagementId: a.engagementId,
      frameworkId: a.frameworkId,
      title: `${a.client} — ${a.title}`,
      excluded: JSON.parse(a.excludedJson) as string[],
    };
  }
  const engagementId = scope.engagementId ?? '';
  const e = db
    .prepare('SELECT client_name AS client FROM engagements WHERE id = ?')
    .get(engagementId) as { client: string } | undefined;
  if (!e) throw notFound('Engagement', engagementId);
  // Without an assessment: the framework of its latest assessment, else ISO/IEC 42001.
  const latest = db
    .prepare(
      'SELECT framework_id AS f FROM assessments WHERE engagement_id = ? ORDER BY created_at DESC LIMIT 1',
    )
    .get(engagementId) as { f: string } | undefined;
  const fallback = db
    .prepare(
      `SELECT id FROM frameworks
       WHERE coalesce(json_extract(meta_json, '$.purpose'), 'assessment') = 'assessment'
       ORDER BY id = ? DESC, name LIMIT 1`,
    )
    .get(DEFAULT_FRAMEWORK) as { id: string } | undefined;
  const frameworkId = latest?.f ?? fallback?.id;
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
  const db = ctx.store.sqlite;
  const meta = JSON.parse(
    (
      db.prepare('SELECT meta_json AS m FROM frameworks WHERE id = ?').get(s.frameworkId) as {
        m: string;
      }
    ).m,
  ) as { vocabulary: { evidence: Record<string, string> } };
  const vocabulary = meta.vocabulary.evidence;
  const requirements = db
    .prepare(
      `SELECT id, ref, title, guidance_json AS g FROM requirements
       WHERE framework_id = ? AND assessable = 1 AND retired = 0 ORDER BY sort_order`,
    )
    .all(s.frameworkId) as { id: string; ref: string; title: string; g: string }[];
  const linked = db
    .prepare(
      `SELECT l.requirement_id AS requirementId, i.id, i.title, i.status, i.valid_until AS validUntil
       FROM evidence_links l JOIN evidence_items i ON i.id = l.evidence_id
       WHERE i.engagement_id = ? AND l.requirement_id IS NOT NULL ORDER BY i.title`,
    )
    .all(s.engagementId) as {
    requirementId: string;
    id: string;
    title: string;
    status: EvidenceStatus;
    validUntil: string | null;
  }[];
  const day = today(ctx);
  const byRequirement = new Map<string, RequestRow['items']>();
  for (const l of linked) {
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
  const rows: RequestRow[] = requirements
    .filter((r) => inScope(r.ref))
    .map((r) => {
      const guidance = JSON.parse(r.g) as { evidence?: string[] } | null;
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
