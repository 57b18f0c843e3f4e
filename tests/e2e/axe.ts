import fs from 'node:fs';
import { AxeBuilder } from '@axe-core/playwright';
import type { AxeResults, Result } from 'axe-core';
import type { Page } from 'playwright-core';

/** The WCAG 2.0, 2.1 and 2.2 A and AA rules: what issue 17 holds every screen to. */
export const wcagTags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22a', 'wcag22aa'];

/** The impacts that fail a test; moderate and minor ones are counted and reported, not fatal. */
const blockingImpacts = new Set(['serious', 'critical']);

export interface AxeFinding {
  rule: string;
  impact: string;
  nodes: number;
  help: string;
  targets: string[];
  /** For contrast failures: "foreground on background = ratio: text", to see which colours fail. */
  colours: string[];
}

/**
 * Runs axe-core's WCAG A/AA rules on the page, or on what `within` selects (an open dialog), and
 * returns one line per violated rule. axe's source is injected through the DevTools protocol, so
 * nothing loads from the network and the app's CSP is not loosened for it.
 */
export async function axeScan(page: Page, within?: string): Promise<AxeFinding[]> {
  let builder = new AxeBuilder({ page }).withTags(wcagTags);
  if (within) builder = builder.include(within);
  const results: AxeResults = await builder.analyze();
  return results.violations.map((v: Result) => ({
    rule: v.id,
    impact: v.impact ?? 'unknown',
    nodes: v.nodes.length,
    help: v.help,
    targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')),
    colours: v.nodes.flatMap((n) => n.any.flatMap((check) => contrastOf(check.data, n.html))),
  }));
}

function contrastOf(data: unknown, html: string): string[] {
  if (typeof data !== 'object' || data === null || !('fgColor' in data)) return [];
  const { fgColor, bgColor, contrastRatio } = data as Record<string, unknown>;
  const text = html.replace(/<[^>]*>/g, '').slice(0, 40);
  return [`${String(fgColor)} on ${String(bgColor)} = ${String(contrastRatio)}: ${text}`];
}

/** The violations a test fails on: serious or critical impact. */
export function blocking(findings: AxeFinding[]): AxeFinding[] {
  return findings.filter((f) => blockingImpacts.has(f.impact));
}

/** Readable lines for a failure message: which rule, how bad, how many elements and which. */
export function describeFindings(findings: AxeFinding[]): string[] {
  return findings.map(
    (f) => `${f.impact} ${f.rule} ×${f.nodes}: ${f.help} — ${f.targets.join(' | ')}`,
  );
}

/**
 * Collects the counts of a run by place, rule and impact. When ASSAY_AXE_REPORT names a file, the
 * counts are written there as JSON at the end, so a run can be compared with an earlier one.
 */
export class AxeTally {
  private readonly rows: { where: string; findings: AxeFinding[] }[] = [];

  add(where: string, findings: AxeFinding[]): void {
    this.rows.push({ where, findings });
  }

  write(file = process.env.ASSAY_AXE_REPORT): void {
    if (!file) return;
    const summary = this.rows.map(({ where, findings }) => ({
      where,
      elements: findings.reduce((sum, f) => sum + f.nodes, 0),
      violations: findings.map(({ rule, impact, nodes, colours }) => ({
        rule,
        impact,
        nodes,
        colours,
      })),
    }));
    fs.writeFileSync(file, JSON.stringify(summary, null, 2));
  }
}
