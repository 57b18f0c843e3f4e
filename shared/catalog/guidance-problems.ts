import type { CatalogNode } from './format';
import type { Guidance, Overlap, ScopingQuestion } from './guidance';
import { questionSuggestions } from './scoping';

interface Checked {
  nodes: readonly CatalogNode[];
  vocabulary: { evidence: Record<string, string> };
  overlaps: readonly Overlap[];
  scoping: readonly ScopingQuestion[];
}

/**
 * Rules on guidance, overlaps and scoping that the schema alone cannot state; part of
 * catalogProblems. Every assessable requirement asks at both audit stages; every Annex A control
 * asks once for its SoA entry and the treatments relying on it; overlaps and scoping point at
 * requirements that exist.
 */
export function guidanceProblems(catalog: Checked): string[] {
  const problems: string[] = [];
  const nodes = new Map(catalog.nodes.map((n) => [n.ref, n]));
  for (const node of catalog.nodes) {
    if (node.guidance) problems.push(...questionProblems(node, node.guidance));
  }
  problems.push(...overlapProblems(catalog, nodes));
  const scopingIds = new Set<string>();
  for (const q of catalog.scoping) {
    if (scopingIds.has(q.id)) problems.push(`scoping ${q.id}: duplicate id`);
    scopingIds.add(q.id);
    if (q.answer === 'several' && new Set(q.options.map((o) => o.id)).size !== q.options.length) {
      problems.push(`scoping ${q.id}: duplicate option id`);
    }
    for (const { suggestion } of questionSuggestions(q)) {
      if (!nodes.get(suggestion.control)?.assessable)
        problems.push(`scoping ${q.id}: unknown control ${suggestion.control}`);
    }
  }
  return problems;
}

function questionProblems(node: CatalogNode, guidance: Guidance): string[] {
  const problems: string[] = [];
  if (node.assessable) {
    for (const stage of [1, 2] as const) {
      if (!guidance.questions.some((q) => q.stage === stage))
        problems.push(`${node.ref}: no stage-${stage} question`);
    }
  }
  const soa = guidance.questions.filter((q) => q.asks === 'soa-and-treatment').length;
  if (node.kind === 'control' && node.assessable && soa !== 1) {
    problems.push(`${node.ref}: needs exactly one soa-and-treatment question, has ${soa}`);
  }
  if (node.kind !== 'control' && soa > 0) {
    problems.push(`${node.ref}: only a control asks about its SoA entry`);
  }
  return problems;
}

function overlapProblems(catalog: Checked, nodes: Map<string, CatalogNode>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  const owners = new Map<string, string>();
  for (const overlap of catalog.overlaps) {
    const at = `overlap ${overlap.id}`;
    if (ids.has(overlap.id)) problems.push(`${at}: duplicate id`);
    ids.add(overlap.id);
    const refs = overlap.sides.map((s) => s.ref);
    if (new Set(refs).size !== refs.length) problems.push(`${at}: a requirement appears twice`);
    for (const ref of refs) {
      if (!nodes.get(ref)?.assessable) problems.push(`${at}: unknown requirement ${ref}`);
    }
    for (const { evidence, owner } of overlap.artefacts) {
      if (!(evidence in catalog.vocabulary.evidence))
        problems.push(`${at}: unknown evidence ${evidence}`);
      if (!refs.includes(owner)) problems.push(`${at}: owner ${owner} is not one of its sides`);
      else if (!nodes.get(owner)?.guidance?.evidence.includes(evidence))
        problems.push(`${at}: owner ${owner} does not request ${evidence}`);
      const earlier = owners.get(evidence);
      if (earlier !== undefined && earlier !== owner)
        problems.push(`${at}: ${evidence} is owned by ${earlier} in another overlap`);
      owners.set(evidence, owner);
    }
  }
  return problems;
}
