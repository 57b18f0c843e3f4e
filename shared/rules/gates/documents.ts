import { artefactOwner, overlapsOf } from '../../catalog/overlaps';
import type { AuditStage, Overlap } from '../../catalog/guidance';
import {
  documentItems,
  documentRequired,
  documentStatus,
  type DocumentItem,
  type DocumentKey,
  type DocumentStatus,
} from '../documented-information';
import { compareRefs } from '../scope';
import { listRefs, plural } from './facts';
import { cycleDocumentKeys } from './audit-and-review';
import { BOTH_STAGES, STAGE_2, type Blocker, type Gate, type ReadinessInput } from './types';

/** One mandatory item as readiness sees it. */
export interface DocumentView {
  key: DocumentKey;
  label: string;
  /** The requirement that asks for it. */
  ref: string;
  /** The requirement a missing item counts against (the overlap's owner, else `ref`). */
  countsAgainst: string;
  /** Other requirements that share the artefact through an overlap and do not count it again. */
  sharedWith: string[];
  stage: AuditStage;
  /** The control it depends on, for items that follow a control's SoA decision. */
  control: string | null;
  required: boolean;
  status: DocumentStatus;
}

function sharers(overlaps: readonly Overlap[], item: DocumentItem, owner: string): string[] {
  const refs = overlapsOf(overlaps, item.ref)
    .filter((o) => o.artefacts.some((a) => a.evidence === item.evidence))
    .flatMap((o) => o.sides.map((s) => s.ref));
  return [...new Set(refs)].filter((ref) => ref !== owner).sort(compareRefs);
}

/** Every mandatory item with its status under this assessment's SoA and records. */
export function documentViews(
  input: Pick<ReadinessInput, 'soa' | 'documents' | 'overlaps' | 'asOf'>,
): DocumentView[] {
  const excluded = new Set(input.soa.filter((d) => !d.applicable).map((d) => d.ref));
  const records = new Map(input.documents.map((d) => [d.key, d]));
  return documentItems.map((item) => {
    const required = documentRequired(item, excluded);
    const owner = artefactOwner(input.overlaps, item.ref, item.evidence);
    return {
      key: item.key,
      label: item.label,
      ref: item.ref,
      countsAgainst: owner,
      sharedWith: sharers(input.overlaps, item, owner),
      stage: item.stage,
      control: item.control ? item.ref : null,
      required,
      status: documentStatus(records.get(item.key), required, input.asOf),
    };
  });
}

const statusPhrase: Record<Exclude<DocumentStatus, 'in-place' | 'not-required'>, string> = {
  'not-recorded': 'no record yet',
  missing: 'missing',
  'not-approved': 'exists but is not approved',
  'not-current': 'approved but not current',
  'review-overdue': 'its review date has passed',
};

/**
 * Every mandatory item of documented information exists, is approved and is current. Items the
 * documentation review reads (policies, processes, plans) block both stages; records of the
 * system running block the on-site audit. One artefact shared by a clause and controls through an
 * overlap counts once, against its owner. The internal audit and management review results are
 * judged by the audit-and-review gate, not here.
 */
export const documentsGate: Gate = {
  id: 'documents',
  label: 'Mandatory documented information in place',
  rule: 'Each item of mandatory documented information exists, is approved and is current; an item that depends on a control is required while the SoA applies it.',
  check(input) {
    const failing = documentViews(input).filter(
      (d) => d.required && d.status !== 'in-place' && !(d.key in cycleDocumentKeys),
    );
    // One blocker per artefact: items sharing an owner and an artefact are one missing thing,
    // told under the owner's own item where it has one.
    const groups = new Map<string, DocumentView[]>();
    for (const d of failing) {
      const evidence = documentItems.find((i) => i.key === d.key)?.evidence ?? d.key;
      const key = `${d.countsAgainst}|${evidence}`;
      groups.set(key, [...(groups.get(key) ?? []), d]);
    }
    const blockers: Blocker[] = [];
    for (const group of groups.values()) {
      const d = group.find((g) => g.ref === g.countsAgainst) ?? group[0];
      if (!d) continue;
      const status = d.status as keyof typeof statusPhrase;
      const sharedWith = [...new Set([...d.sharedWith, ...group.map((g) => g.ref)])].filter(
        (ref) => ref !== d.countsAgainst,
      );
      const shared =
        sharedWith.length > 0
          ? ` It counts against ${d.countsAgainst} only; ${listRefs(sharedWith)} ${plural(sharedWith.length, 'shares', 'share')} it.`
          : '';
      const undecided =
        d.control !== null && !input.soa.some((s) => s.ref === d.control)
          ? ` (required until the SoA decides ${d.control})`
          : '';
      blockers.push({
        reason: `${d.label} (${d.countsAgainst})${undecided}: ${statusPhrase[status]}.${shared}`,
        refs: [d.countsAgainst],
        stages: group.some((g) => g.stage === 1) ? BOTH_STAGES : STAGE_2,
      });
    }
    return blockers;
  },
};
