import type { SoaRow } from '../../../shared/contracts/soa';
import type { ParsedInput } from '../../../shared/contracts';
import type { ImplementationStatus, Result } from '../../../shared/domain/assessment';
import { audit, inTransaction, type CoreContext } from '../context';
import { invalid } from '../errors';
import { getAssessment, writableAssessment } from '../assessments';
import { requirementIndex } from '../catalog';

interface EntryRow {
  id: string;
  requirementId: string;
  applicable: number;
  justification: string;
  implementationStatus: ImplementationStatus;
  updatedAt: string;
  updatedBy: string;
}

const implementationFor: Record<Result, ImplementationStatus> = {
  conformant: 'implemented',
  'partially-conformant': 'partially-implemented',
  nonconformant: 'not-implemented',
  'not-assessed': 'not-implemented',
  'not-applicable': 'not-applicable',
};

/**
 * A suggested decision from the answers and the risk treatment. Only what the record itself
 * justifies gets text: an answer of "not applicable" (with its justification) or risks whose
 * treatment relies on the control. Anything else waits for a person to write why.
 */
export function suggestDecision(
  response: { result: Result; naJustification: string } | undefined,
  risks: { ref: string; title: string }[],
): SoaRow['suggestion'] {
  const result = response?.result ?? 'not-assessed';
  if (result === 'not-applicable' && risks.length === 0) {
    return {
      applicable: false,
      justification: response?.naJustification ?? '',
      implementationStatus: 'not-applicable',
    };
  }
  const justification =
    risks.length > 0
      ? `Selected to treat ${risks.length === 1 ? 'risk' : 'risks'} ${risks.map((r) => `${r.ref} (${r.title})`).join('; ')}.`
      : '';
  return {
    applicable: true,
    justification,
    implementationStatus:
      result === 'not-applicable' ? 'not-implemented' : implementationFor[result],
  };
}

export function listSoa(ctx: CoreContext, assessmentId: string): SoaRow[] {
  const assessment = getAssessment(ctx, assessmentId);
  const index = requirementIndex(ctx, assessment.frameworkId);
  const sqlite = ctx.store.sqlite;
  const entries = new Map(
    (
      sqlite
        .prepare(
          `SELECT id, requirement_id AS requirementId, applicable, justification, implementation_status AS implementationStatus,
             updated_at AS updatedAt, updated_by AS updatedBy FROM soa_entries WHERE assessment_id = ?`,
        )
        .all(assessmentId) as EntryRow[]
    ).map((e) => [e.requirementId, e]),
  );
  const responses = new Map(
    (
      sqlite
        .prepare(
          'SELECT requirement_id AS requirementId, result, na_justification AS naJustification FROM responses WHERE assessment_id = ?',
        )
        .all(assessmentId) as { requirementId: string; result: Result; naJustification: string }[]
    ).map((r) => [r.requirementId, r]),
  );
  const risks = new Map<string, { id: string; ref: string; title: string }[]>();
  for (const r of sqlite
    .prepare(
      `SELECT rc.requirement_id AS requirementId, k.id, k.ref, k.title FROM risk_controls rc
       JOIN risks k ON k.id = rc.risk_id WHERE k.engagement_id = ? ORDER BY length(k.ref), k.ref`,
    )
    .all(assessment.engagementId) as {
    requirementId: string;
    id: string;
    ref: string;
    title: string;
  }[]) {
    const list = risks.get(r.requirementId) ?? [];
    list.push({ id: r.id, ref: r.ref, title: r.title });
    risks.set(r.requirementId, list);
  }
  const evidence = new Map<string, { id: string; title: string }[]>();
  for (const e of sqlite
    .prepare(
      `SELECT DISTINCT l.requirement_id AS requirementId, i.id, i.title FROM evidence_links l
       JOIN evidence_items i ON i.id = l.evidence_id WHERE i.engagement_id = ? AND l.requirement_id IS NOT NULL`,
    )
    .all(assessment.engagementId) as { requirementId: string; id: string; title: string }[]) {
    const list = evidence.get(e.requirementId) ?? [];
    list.push({ id: e.id, title: e.title });
    evidence.set(e.requirementId, list);
  }
  return index.controls.map((control) => {
    const entry = entries.get(control.id);
    const controlRisks = risks.get(control.id) ?? [];
    return {
      requirementId: control.id,
      ref: control.ref,
      title: control.title,
      area: control.area,
      areaTitle: index.areaTitles[control.area] ?? control.area,
      entry: entry
        ? {
            applicable: entry.applicable === 1,
            justification: entry.justification,
            implementationStatus: entry.implementationStatus,
            updatedAt: entry.updatedAt,
            updatedBy: entry.updatedBy,
          }
        : null,
      suggestion: suggestDecision(responses.get(control.id), controlRisks),
      risks: controlRisks,
      evidence: evidence.get(control.id) ?? [],
    };
  });
}

function writeEntry(
  ctx: CoreContext,
  assessmentId: string,
  requirementId: string,
  decision: SoaRow['suggestion'],
  now: string,
) {
  const sqlite = ctx.store.sqlite;
  const before = sqlite
    .prepare(
      `SELECT id, applicable, justification, implementation_status AS implementationStatus FROM soa_entries WHERE assessment_id = ? AND requirement_id = ?`,
    )
    .get(assessmentId, requirementId) as
    Omit<EntryRow, 'requirementId' | 'updatedAt' | 'updatedBy'> | undefined;
  const id = before?.id ?? ctx.newId();
  sqlite
    .prepare(
      `INSERT INTO soa_entries (id, assessment_id, requirement_id, applicable, justification, implementation_status, created_at, updated_at, updated_by)
       VALUES (@id, @assessmentId, @requirementId, @applicable, @justification, @status, @now, @now, @actor)
       ON CONFLICT(assessment_id, requirement_id) DO UPDATE SET applicable = @applicable, justification = @justification,
         implementation_status = @status, updated_at = @now, updated_by = @actor`,
    )
    .run({
      id,
      assessmentId,
      requirementId,
      applicable: decision.applicable ? 1 : 0,
      justification: decision.justification,
      status: decision.implementationStatus,
      now,
      actor: ctx.actor(),
    });
  audit(ctx, now, {
    action: 'soa.save',
    entityType: 'soa-entry',
    entityId: id,
    scopeId: assessmentId,
    before: before
      ? {
          requirementId,
          applicable: before.applicable === 1,
          justification: before.justification,
          implementationStatus: before.implementationStatus,
        }
      : undefined,
    after: { requirementId, ...decision },
  });
}

export function saveSoaEntry(ctx: CoreContext, input: ParsedInput<'soa.save'>): SoaRow {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    const assessment = writableAssessment(ctx, input.assessmentId);
    const control = requirementIndex(ctx, assessment.frameworkId).byId.get(input.requirementId);
    if (control?.kind !== 'control')
      throw invalid('requirementId', 'is not an Annex A control of this framework');
    if (
      !input.applicable &&
      input.implementationStatus !== 'not-applicable' &&
      input.implementationStatus !== 'not-implemented'
    ) {
      throw invalid(
        'implementationStatus',
        'an excluded control cannot be implemented; choose not applicable',
      );
    }
    writeEntry(ctx, input.assessmentId, input.requirementId, input, now);
    const row = listSoa(ctx, input.assessmentId).find(
      (r) => r.requirementId === input.requirementId,
    );
    if (!row) throw invalid('requirementId', 'is not in the Statement of Applicability');
    return row;
  });
}

export function acceptSoaSuggestions(
  ctx: CoreContext,
  assessmentId: string,
): { accepted: number; needJustification: number } {
  const now = ctx.now();
  return inTransaction(ctx, () => {
    writableAssessment(ctx, assessmentId);
    let accepted = 0;
    let needJustification = 0;
    for (const row of listSoa(ctx, assessmentId)) {
      if (row.entry) continue;
      if (!row.suggestion.justification.trim()) {
        needJustification += 1;
        continue;
      }
      writeEntry(ctx, assessmentId, row.requirementId, row.suggestion, now);
      accepted += 1;
    }
    return { accepted, needJustification };
  });
}
