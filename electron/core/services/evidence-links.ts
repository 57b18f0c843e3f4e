import type { ParsedInput } from '../../../shared/contracts';
import type { EvidenceDetail } from '../../../shared/contracts/evidence';
import { audit, inTransaction, type CoreContext } from '../context';
import { CommandFailure, invalid, notFound } from '../errors';
import { getEvidenceDetail, getEvidenceItem } from './evidence';

type Target = ParsedInput<'evidence.link'>;

/** The one target column and id a link input names (the contract guarantees exactly one). */
function target(input: Target): { column: string; field: string; id: string } {
  if (input.requirementId)
    return { column: 'requirement_id', field: 'requirementId', id: input.requirementId };
  if (input.findingId) return { column: 'finding_id', field: 'findingId', id: input.findingId };
  return { column: 'risk_id', field: 'riskId', id: input.riskId ?? '' };
}

/** The target must exist and, for findings and risks, belong to the item's engagement. */
function checkTarget(ctx: CoreContext, engagementId: string, t: ReturnType<typeof target>) {
  const db = ctx.store.sqlite;
  if (t.column === 'requirement_id') {
    const row = db.prepare('SELECT retired FROM requirements WHERE id = ?').get(t.id) as
      { retired: number } | undefined;
    if (!row) throw notFound('Requirement', t.id);
    if (row.retired) throw invalid('requirementId', `${t.id} was retired by a newer catalog.`);
    return;
  }
  const owner = (
    t.column === 'finding_id'
      ? db
          .prepare(
            'SELECT a.engagement_id AS e FROM findings f JOIN assessments a ON a.id = f.assessment_id WHERE f.id = ?',
          )
          .get(t.id)
      : db.prepare('SELECT engagement_id AS e FROM risks WHERE id = ?').get(t.id)
  ) as { e: string } | undefined;
  const what = t.column === 'finding_id' ? 'Finding' : 'Risk';
  if (!owner) throw notFound(what, t.id);
  if (owner.e !== engagementId)
    throw invalid(t.field, `${what} ${t.id} belongs to another engagement.`);
}

export function linkEvidence(ctx: CoreContext, input: Target): EvidenceDetail {
  const t = target(input);
  const now = ctx.now();
  const db = ctx.store.sqlite;
  return inTransaction(ctx, () => {
    const item = getEvidenceItem(ctx, input.evidenceId);
    checkTarget(ctx, item.engagementId, t);
    const existing = db
      .prepare(`SELECT id FROM evidence_links WHERE evidence_id = ? AND ${t.column} = ?`)
      .get(item.id, t.id);
    // Linking twice is not an error and changes nothing.
    if (!existing) {
      const linkId = ctx.newId();
      db.prepare(
        `INSERT INTO evidence_links (id, evidence_id, ${t.column}, created_at, created_by) VALUES (?, ?, ?, ?, ?)`,
      ).run(linkId, item.id, t.id, now, ctx.actor());
      audit(ctx, now, {
        action: 'evidence.link',
        entityType: 'evidence',
        entityId: item.id,
        scopeId: item.engagementId,
        after: { linkId, [t.field]: t.id },
      });
    }
    return getEvidenceDetail(ctx, item.id);
  });
}

export function unlinkEvidence(ctx: CoreContext, input: Target): EvidenceDetail {
  const t = target(input);
  const now = ctx.now();
  const db = ctx.store.sqlite;
  return inTransaction(ctx, () => {
    const item = getEvidenceItem(ctx, input.evidenceId);
    const link = db
      .prepare(
        `SELECT id, created_at AS createdAt, created_by AS createdBy FROM evidence_links WHERE evidence_id = ? AND ${t.column} = ?`,
      )
      .get(item.id, t.id) as { id: string; createdAt: string; createdBy: string } | undefined;
    if (!link)
      throw new CommandFailure('NOT_FOUND', `This evidence item is not linked to ${t.id}.`);
    db.prepare('DELETE FROM evidence_links WHERE id = ?').run(link.id);
    audit(ctx, now, {
      action: 'evidence.unlink',
      entityType: 'evidence',
      entityId: item.id,
      scopeId: item.engagementId,
      before: {
        linkId: link.id,
        [t.field]: t.id,
        createdAt: link.createdAt,
        createdBy: link.createdBy,
      },
    });
    return getEvidenceDetail(ctx, item.id);
  });
}
