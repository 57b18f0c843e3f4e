import { and, eq } from 'drizzle-orm';
import type { ParsedInput } from '../../../shared/contracts';
import type { EvidenceDetail } from '../../../shared/contracts/evidence';
import { audit, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { CommandFailure, invalid, notFound } from '../errors';
import { findRequirement, getEvidenceDetail, getEvidenceItem } from './queries';

const { evidenceLinks: links, findings, assessments, risks } = schema;

type Target = ParsedInput<'evidence.link'>;
type TargetField = 'requirementId' | 'findingId' | 'riskId';

/** The one target a link input names (the contract guarantees exactly one). */
function target(input: Target): { field: TargetField; id: string } {
  if (input.requirementId) return { field: 'requirementId', id: input.requirementId };
  if (input.findingId) return { field: 'findingId', id: input.findingId };
  return { field: 'riskId', id: input.riskId ?? '' };
}

/** The engagement a finding or risk belongs to, or undefined when it does not exist. */
function ownerOf(ctx: CoreContext, t: { field: 'findingId' | 'riskId'; id: string }) {
  const { db } = ctx.store;
  const row =
    t.field === 'findingId'
      ? db
          .select({ engagementId: assessments.engagementId })
          .from(findings)
          .innerJoin(assessments, eq(assessments.id, findings.assessmentId))
          .where(eq(findings.id, t.id))
          .get()
      : db.select({ engagementId: risks.engagementId }).from(risks).where(eq(risks.id, t.id)).get();
  return row?.engagementId;
}

/** The target must exist and, for findings and risks, belong to the item's engagement. */
function checkTarget(ctx: CoreContext, engagementId: string, t: ReturnType<typeof target>) {
  if (t.field === 'requirementId') {
    const row = findRequirement(ctx, t.id);
    if (!row) throw notFound('Requirement', t.id);
    if (row.retired) throw invalid('requirementId', `${t.id} was retired by a newer catalog.`);
    return;
  }
  const owner = ownerOf(ctx, { field: t.field, id: t.id });
  const what = t.field === 'findingId' ? 'Finding' : 'Risk';
  if (!owner) throw notFound(what, t.id);
  if (owner !== engagementId)
    throw invalid(t.field, `${what} ${t.id} belongs to another engagement.`);
}

const findLink = (ctx: CoreContext, evidenceId: string, t: ReturnType<typeof target>) =>
  ctx.store.db
    .select({ id: links.id, createdAt: links.createdAt, createdBy: links.createdBy })
    .from(links)
    .where(and(eq(links.evidenceId, evidenceId), eq(links[t.field], t.id)))
    .get();

/** Adds one link with its audit row; runs inside the caller's transaction. */
export function addLink(
  ctx: CoreContext,
  at: string,
  item: { id: string; engagementId: string },
  t: { field: TargetField; id: string },
): void {
  const linkId = ctx.newId();
  ctx.store.db
    .insert(links)
    .values({
      id: linkId,
      evidenceId: item.id,
      [t.field]: t.id,
      createdAt: at,
      createdBy: ctx.actor(),
    })
    .run();
  audit(ctx, at, {
    action: 'evidence.link',
    entityType: 'evidence',
    entityId: item.id,
    scopeId: item.engagementId,
    after: { linkId, [t.field]: t.id },
  });
}

export function linkEvidence(ctx: CoreContext, input: Target): EvidenceDetail {
  const t = target(input);
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const item = getEvidenceItem(ctx, input.evidenceId);
    checkTarget(ctx, item.engagementId, t);
    // Linking twice is not an error and changes nothing.
    if (!findLink(ctx, item.id, t)) addLink(ctx, now, item, t);
    return getEvidenceDetail(ctx, item.id);
  });
}

export function unlinkEvidence(ctx: CoreContext, input: Target): EvidenceDetail {
  const t = target(input);
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const item = getEvidenceItem(ctx, input.evidenceId);
    const link = findLink(ctx, item.id, t);
    if (!link)
      throw new CommandFailure('NOT_FOUND', `This evidence item is not linked to ${t.id}.`);
    ctx.store.db.delete(links).where(eq(links.id, link.id)).run();
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
