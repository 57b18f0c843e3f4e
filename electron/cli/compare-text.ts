import type { ComparedFinding, Comparison, CycleSide } from '../../shared/contracts/comparison';
import {
  findingGradeLabels,
  implementationStatusLabels,
  resultLabels,
} from '../../shared/domain/assessment';
import {
  changeLabels,
  riskChangeLabels,
  soaChangeLabels,
  type SoaDecision,
} from '../../shared/rules/comparison';
import { verdictLabels } from '../../shared/rules/readiness';
import { formatTable } from './table';

const pct = (n: number | null) => (n === null ? '—' : `${Math.round(n * 100)} %`);

function side(s: CycleSide): string {
  const when = s.finalisedAt ? `final ${s.finalisedAt.slice(0, 10)}` : s.status.replace('-', ' ');
  return `${s.title} (${when})`;
}

function findingRows(findings: ComparedFinding[]): string {
  if (findings.length === 0) return '  none\n';
  const rows = findings.map((f) => [
    `  ${f.ref}`,
    f.assessmentTitle,
    f.requirementRef,
    findingGradeLabels[f.grade],
    f.statement.replace(/\s+/g, ' ').slice(0, 80),
  ]);
  return `${formatTable(['  REF', 'RAISED IN', 'REQUIREMENT', 'GRADE', 'STATEMENT'], rows)}\n`;
}

const soaText = (d: SoaDecision | null) =>
  d ? (d.applicable ? implementationStatusLabels[d.implementationStatus] : 'Excluded') : '—';

/** `assay compare` without --json: the comparison screen's tables as plain text. */
export function comparisonText(c: Comparison): string {
  const out: string[] = [];
  out.push(`${c.clientName}: ${side(c.before)} → ${side(c.after)}`);
  if (c.swapped) out.push('(named newest first; the older assessment is shown as before)');
  out.push(
    `Readiness: ${pct(c.before.score)} → ${pct(c.after.score)}` +
      ` (clauses ${pct(c.before.clauses)} → ${pct(c.after.clauses)},` +
      ` Annex A ${pct(c.before.controls)} → ${pct(c.after.controls)});` +
      ` verdict ${verdictLabels[c.before.verdict]} → ${verdictLabels[c.after.verdict]}`,
  );
  out.push(
    `Assessed: ${c.before.assessed} of ${c.before.total} → ${c.after.assessed} of ${c.after.total}`,
  );
  out.push('');
  out.push(
    `Requirements: ${c.counts.improved} improved, ${c.counts.worsened} worsened, ` +
      `${c.counts.unchanged} unchanged, ${c.counts.new} new, ${c.counts['not-compared']} not compared`,
  );
  const result = (r: Comparison['requirements'][number]['before']) =>
    r === null ? 'out of scope' : resultLabels[r];
  out.push(
    formatTable(
      ['REF', 'TITLE', 'BEFORE', 'AFTER', 'CHANGE'],
      c.requirements.map((r) => [
        r.ref,
        r.title.slice(0, 48),
        result(r.before),
        result(r.after),
        `${changeLabels[r.change]}${r.note ? ` (${r.note})` : ''}`,
      ]),
    ),
  );
  out.push('');
  out.push(`Findings opened between them: ${c.findings.opened.length}`);
  out.push(findingRows(c.findings.opened));
  out.push(`Findings closed between them: ${c.findings.closed.length}`);
  out.push(findingRows(c.findings.closed));
  out.push(`Findings open at both: ${c.findings.stillOpen.length}`);
  out.push(findingRows(c.findings.stillOpen));
  out.push(`SoA changes: ${c.soa.length}`);
  if (c.soa.length > 0) {
    out.push(
      formatTable(
        ['  CONTROL', 'CHANGE', 'BEFORE', 'AFTER'],
        c.soa.map((s) => [
          `  ${s.ref}`,
          soaChangeLabels[s.change],
          soaText(s.before),
          soaText(s.after),
        ]),
      ),
    );
  }
  out.push('');
  const r = c.risks;
  out.push(
    `Risks: ${r.before} → ${r.after}; ${r.counts.raised} raised, ${r.counts.lowered} lowered, ` +
      `${r.counts.added} added, ${r.counts.removed} removed`,
  );
  if (r.changes.length > 0) {
    const level = (l: { score: number; band: string } | null) =>
      l ? `${l.band} (${l.score})` : '—';
    out.push(
      formatTable(
        ['  RISK', 'TITLE', 'CHANGE', 'BEFORE', 'AFTER'],
        r.changes.map((x) => [
          `  ${x.ref}`,
          x.title.slice(0, 48),
          riskChangeLabels[x.change],
          level(x.before),
          level(x.after),
        ]),
      ),
    );
    const hidden =
      r.counts.added +
      r.counts.removed -
      r.changes.filter((x) => x.change === 'added' || x.change === 'removed').length;
    if (hidden > 0)
      out.push(
        `  (${hidden} more added or removed risks not listed; --json lists up to ${r.listLimit} of each)`,
      );
  }
  return `${out.join('\n')}\n`;
}
