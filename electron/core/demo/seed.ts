import { count } from 'drizzle-orm';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import { seedAssessmentDemo } from '../assessments';
import { requirementIndex } from '../catalog';
import { createContext, inTransaction, type CoreContext } from '../context';
import { schema } from '../db';
import { seedEngagementDemo } from '../engagements';
import { seedFindingsDemo } from '../findings';
import { seedAnswersDemo } from '../responses';
import { seedSessionsDemo } from '../sessions';
import { seedSoaDemo } from '../soa';
import { seedRiskDemo } from '../risks';
import { seedEvidenceDemo, seedEvidenceVaultDemo } from '../evidence';
import { seedDocumentsDemo } from '../documented-information';
import type { DemoKit, DemoScope } from './kit';
import { pick, seededIds, seededRng, steppingClock } from './rng';
import * as texts from './texts';
import { DEMO_ACTOR, markDemoStarted, rollBackUnfinishedDemo } from './unfinished';
import { seedCorrectiveActionsDemo } from '../corrective-actions';
import { seedAuditsDemo } from '../audits';
import { seedReviewsDemo } from '../management-reviews';
import { linkNextCycle } from '../cycle';
import { seedLastCycle } from './last-cycle';

export type DemoSize = 'small' | 'large';

export interface DemoOptions {
  size: DemoSize;
  seed: number;
}

export interface DemoReport {
  engagements: number;
  assessments: number;
  responses: number;
  findings: number;
  sessions: number;
  soaEntries: number;
  risks: number;
  evidence: number;
  /** Documented-information records. */
  documents: number;
  correctiveActions: number;
  internalAudits: number;
  managementReviews: number;
  /** Last year's final assessments (the first client's), this year's started from them. */
  previousAssessmentIds: string[];
  assessmentIds: string[];
  engagementIds: string[];
}

/** Demo data goes into an empty data directory only: it never mixes with real records. */
function requireEmpty(ctx: CoreContext): void {
  const existing = ctx.store.db.select({ n: count() }).from(schema.engagements).get()?.n ?? 0;
  if (existing > 0) {
    throw Object.assign(
      new Error(
        `The data directory already holds ${existing} engagement(s); demo data goes into an empty one. Choose another --data-dir.`,
      ),
      { name: 'UsageError' },
    );
  }
}

/** The n-th invented client; past the list, names repeat with a number. */
function clientName(n: number): string {
  const names = texts.demoClients;
  const round = Math.floor(n / names.length);
  return `${names[n % names.length]}${round > 0 ? ` (${round + 1})` : ''}`;
}

/** The demo's context: the demo actor, a seeded clock, and ids drawn from a seeded generator. */
function demoContext(base: CoreContext, clock: () => Date, rng: () => number): CoreContext {
  return createContext({
    store: base.store,
    dataDir: base.dataDir,
    resourcesDir: base.resourcesDir,
    version: base.version,
    transport: base.transport,
    events: base.events,
    log: base.log,
    tasks: base.tasks,
    transfers: base.transfers,
    actor: DEMO_ACTOR,
    clock,
    newId: seededIds(rng, clock),
  });
}

/**
 * A realistic, deterministic demo: the same seed gives the same texts, answers and ids. Small is
 * one client two thirds through; large (for benchmarks) is 20 clients fully answered with 1,900
 * findings and long notes, the last of them prepared for certification (ready at both stages).
 * Each room seeds its own records; this decides what, for whom, in which order (the order of the
 * generator's draws is what keeps a seed's demo the same).
 */
export async function seedDemo(base: CoreContext, options: DemoOptions): Promise<DemoReport> {
  await rollBackUnfinishedDemo(base);
  requireEmpty(base);
  const finished = await markDemoStarted(base);
  const report = await seedAll(base, options);
  await finished();
  return report;
}

async function seedAll(base: CoreContext, options: DemoOptions): Promise<DemoReport> {
  const rng = seededRng(options.seed);
  const clock = steppingClock('2026-10-05T08:30:00.000Z', 37_000);
  const ctx = demoContext(base, clock, rng);
  const large = options.size === 'large';
  const kit: DemoKit = { rng, pick: (items) => pick(rng, items), texts, large };
  const requirements = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID).assessable;
  const report: DemoReport = {
    engagements: 0,
    assessments: 0,
    responses: 0,
    findings: 0,
    sessions: 0,
    soaEntries: 0,
    risks: 0,
    evidence: 0,
    documents: 0,
    correctiveActions: 0,
    internalAudits: 0,
    managementReviews: 0,
    previousAssessmentIds: [],
    assessmentIds: [],
    engagementIds: [],
  };

  // Last year's cycle of the first client runs on a clock a year behind, so its records (and the
  // moment it was made final) come before this year's. Its own generator keeps this year's draws.
  const lastRng = seededRng(options.seed + 2025);
  const lastClock = steppingClock('2025-10-06T08:30:00.000Z', 37_000);
  const lastYear = demoContext(base, lastClock, lastRng);

  const linkClock = steppingClock('2026-10-05T08:20:00.000Z', 1_000);
  const linking = demoContext(base, linkClock, lastRng);

  let previousFindingIds: string[] = [];
  let firstClient: DemoScope | null = null;
  const clients = large ? 20 : 1;
  for (let c = 0; c < clients; c += 1) {
    // The large demo's last client is ready for certification (issue 12): every requirement
    // conformant, so no finding is raised, the SoA decided for all 38 controls, every document in place.
    const prepared = large && c === clients - 1;
    const scope = inTransaction(ctx, (): DemoScope => {
      const engagement = seedEngagementDemo(ctx, kit, clientName(c));
      // The first client is in its second cycle: last year's final assessment, and this year's
      // started from it (scope, scoping and SoA carried to confirm, open findings kept open).
      const previous =
        c === 0
          ? seedLastCycle(lastYear, {
              engagementId: engagement.id,
              rng: lastRng,
              findings: large ? 20 : 6,
              soaDecisions: large ? 30 : 16,
            })
          : null;
      const assessment = seedAssessmentDemo(ctx, engagement.id);
      if (previous) {
        // As "Start the next assessment" would have: decisions carried to confirm, open findings
        // kept open. Its ids come from last year's generator, so this year's records stay as the
        // seed has always made them.
        linkNextCycle(linking, previous.assessmentId, assessment.id);
        report.previousAssessmentIds.push(previous.assessmentId);
        previousFindingIds = previous.findingIds;
      }
      const sessions = seedSessionsDemo(ctx, kit, assessment.id);
      const answered = seedAnswersDemo(ctx, kit, {
        assessmentId: assessment.id,
        requirements,
        sessions,
        prepared,
      });
      const findingIds = seedFindingsDemo(ctx, kit, { assessmentId: assessment.id, answered });
      report.soaEntries += seedSoaDemo(ctx, kit, { assessmentId: assessment.id, answered });
      report.sessions += sessions.length;
      report.responses += answered.length;
      report.findings += findingIds.length;
      report.engagements += 1;
      report.assessments += 1;
      report.assessmentIds.push(assessment.id);
      report.engagementIds.push(engagement.id);
      return {
        engagementId: engagement.id,
        requirementIds: answered.map((a) => a.id),
        findingIds,
        // The first client carries the large register (10,000 risks) and the vault files.
        size: large && c === 0 ? 'large' : 'small',
        rng,
        pick: kit.pick,
      };
    });
    if (c === 0) firstClient = scope;
    report.risks += seedRiskDemo(ctx, scope).risks;
    const evidence = c === 0 ? (await seedEvidenceDemo(ctx, scope)).items : [];
    if (c === 0) report.evidence = evidence.length;
    report.documents += seedDocumentsDemo(ctx, {
      assessmentId: report.assessmentIds[c] ?? '',
      evidence,
      prepared,
    });
    // Last: it draws ids from the same rng, so everything seeded before it stays as it was. Last
    // year's nonconformities get this year's actions too: some close, the others stay open.
    report.correctiveActions += seedCorrectiveActionsDemo(ctx, scope).actions;
    if (previousFindingIds.length > 0) {
      report.correctiveActions += seedCorrectiveActionsDemo(ctx, {
        findingIds: previousFindingIds,
        fixed: 2,
      }).actions;
      previousFindingIds = [];
      // The client in its second cycle also has its internal audit programme.
      const audits = seedAuditsDemo(ctx, scope.engagementId);
      report.internalAudits += audits.audits;
      report.findings += audits.findings;
      report.correctiveActions += audits.actions;
      report.managementReviews += seedReviewsDemo(ctx, scope.engagementId).reviews;
    }
  }
  if (large && firstClient) {
    // The first client's year of routine records (224 files): on its own generator and
    // clock, after everything else, so every record seeded above stays as it was.
    const vaultRng = seededRng(options.seed + 42001);
    const vault = demoContext(base, steppingClock('2026-10-05T07:00:00.000Z', 1_000), vaultRng);
    report.evidence += await seedEvidenceVaultDemo(vault, {
      engagementId: firstClient.engagementId,
      requirementIds: firstClient.requirementIds,
      findingIds: firstClient.findingIds,
      rng: vaultRng,
    });
  }
  return report;
}
