import { createContext, inTransaction, type CoreContext } from '../context';
import { createEngagement } from '../engagements';
import { createAssessment } from '../assessments';
import { createSession } from '../sessions';
import { saveResponse } from '../responses';
import { createFinding } from '../findings';
import { saveSoaEntry } from '../soa';
import { requirementIndex } from '../catalog';
import { DEFAULT_FRAMEWORK_ID } from '../../../shared/contracts/assessments';
import type { FindingGrade, Result } from '../../../shared/domain/assessment';
import { isAnnexA } from '../../../shared/rules/scope';
import { seedRiskDemo } from '../services/risk-demo';
import { seedEvidenceDemo } from '../vault/demo';
import { pick, seededIds, seededRng, steppingClock, type Rng } from './rng';
import {
  conformantNotes,
  demoClients,
  demoPeople,
  demoSystems,
  fill,
  findingStatements,
  naJustifications,
  nonconformantNotes,
  partialNotes,
  recommendations,
} from './texts';

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
  assessmentIds: string[];
  engagementIds: string[];
}

/** What the other domains' demo seeders need to know about one demo engagement. */
interface DemoScope {
  engagementId: string;
  requirementIds: string[];
  findingIds: string[];
}

function resultFor(rng: Rng, annex: boolean): Result {
  const x = rng();
  if (annex && x < 0.06) return 'not-applicable';
  if (x < 0.52) return 'conformant';
  if (x < 0.82) return 'partially-conformant';
  return 'nonconformant';
}

function notesFor(rng: Rng, result: Result, long: boolean): string {
  const values = { person: pick(rng, demoPeople).name, system: pick(rng, demoSystems) };
  const pool =
    result === 'conformant'
      ? conformantNotes
      : result === 'nonconformant'
        ? nonconformantNotes
        : partialNotes;
  const paragraphs = long ? 4 + Math.floor(rng() * 4) : 1;
  return Array.from({ length: paragraphs }, () => fill(pick(rng, pool), values)).join('\n\n');
}

function gradeFor(rng: Rng, result: Result): FindingGrade {
  if (result === 'nonconformant') return rng() < 0.35 ? 'major' : 'minor';
  return rng() < 0.6 ? 'observation' : 'improvement';
}

/**
 * A realistic, deterministic demo: the same seed gives the same texts, answers and ids. Small is
 * one client two thirds through; large (for benchmarks) is 20 clients fully answered with 2,000
 * findings and long notes.
 */
export async function seedDemo(base: CoreContext, options: DemoOptions): Promise<DemoReport> {
  const existing = base.store.sqlite.prepare('SELECT count(*) AS n FROM engagements').get() as {
    n: number;
  };
  if (existing.n > 0) {
    throw Object.assign(
      new Error(
        `The data directory already holds ${existing.n} engagement(s); demo data goes into an empty one. Choose another --data-dir.`,
      ),
      { name: 'UsageError' },
    );
  }
  const rng = seededRng(options.seed);
  const clock = steppingClock('2026-10-05T08:30:00.000Z', 37_000);
  const ctx = createContext({
    store: base.store,
    dataDir: base.dataDir,
    resourcesDir: base.resourcesDir,
    version: base.version,
    transport: base.transport,
    events: base.events,
    log: base.log,
    actor: 'Dana Okafor (demo)',
    clock,
    newId: seededIds(rng, clock),
  });
  const index = requirementIndex(ctx, DEFAULT_FRAMEWORK_ID);
  const large = options.size === 'large';
  const clients = large ? 20 : 1;
  const report: DemoReport = {
    engagements: 0,
    assessments: 0,
    responses: 0,
    findings: 0,
    sessions: 0,
    soaEntries: 0,
    risks: 0,
    evidence: 0,
    assessmentIds: [],
    engagementIds: [],
  };

  for (let c = 0; c < clients; c += 1) {
    const client = `${demoClients[c % demoClients.length]}${c >= demoClients.length ? ` (${Math.floor(c / demoClients.length) + 1})` : ''}`;
    const scope = inTransaction(ctx, () => {
      const engagement = createEngagement(ctx, {
        clientName: client,
        aimsScope: `The AI management system of ${client} covers the design, procurement and operation of ${demoSystems.slice(0, 3).join(', ')}, at the head office and the operations centre, including the teams and suppliers that build, run or oversee them.`,
        aiRoles: ['provider', 'customer'],
        sites: ['Head office', 'Operations centre'],
        leadAssessor: 'Dana Okafor',
        startDate: '2026-10-05',
        endDate: '2026-10-09',
        notes:
          'Stage 1 readiness review before the certification audit planned for the first quarter.',
      });
      const assessment = createAssessment(ctx, {
        engagementId: engagement.id,
        frameworkId: DEFAULT_FRAMEWORK_ID,
        title: 'ISO/IEC 42001 readiness review 2026',
        excludedAreas: [],
        plannedStart: '2026-10-05',
        plannedEnd: '2026-10-09',
      });
      const sessions = Array.from({ length: 4 }, (_, i) =>
        createSession(ctx, {
          assessmentId: assessment.id,
          heldAt: `2026-10-0${5 + i}T09:00:00.000Z`,
          interviewees: [
            demoPeople[(2 * i) % demoPeople.length],
            demoPeople[(2 * i + 1) % demoPeople.length],
          ].filter((p) => p !== undefined),
          attendees: ['Dana Okafor', 'Leo Martins'],
          requirementIds: [],
          notes: '',
        }),
      );
      report.sessions += sessions.length;
      const requirements = index.assessable;
      const answerCount = large ? requirements.length : Math.round((requirements.length * 2) / 3);
      const findingIds: string[] = [];
      const findingTarget = large ? 100 : 9;
      const answered: { id: string; ref: string; result: Result }[] = [];
      requirements.slice(0, answerCount).forEach((r, i) => {
        const annex = isAnnexA(r.ref);
        const result = resultFor(rng, annex);
        const session = sessions[Math.floor((i * sessions.length) / answerCount)];
        saveResponse(ctx, {
          assessmentId: assessment.id,
          requirementId: r.id,
          result,
          maturity:
            result === 'conformant'
              ? 3 + Math.floor(rng() * 2)
              : result === 'not-applicable'
                ? null
                : Math.floor(rng() * 3),
          notes: result === 'not-applicable' ? '' : notesFor(rng, result, large),
          naJustification: result === 'not-applicable' ? pick(rng, naJustifications) : '',
          interviewees: session ? session.interviewees.map((p) => p.name) : [],
          followUp: result !== 'conformant' && rng() < 0.3,
          sessionId: session?.id ?? null,
        });
        answered.push({ id: r.id, ref: r.ref, result });
        report.responses += 1;
      });
      const gaps = answered.filter(
        (a) => a.result === 'nonconformant' || a.result === 'partially-conformant',
      );
      for (let f = 0; f < findingTarget && gaps.length > 0; f += 1) {
        const gap = gaps[f % gaps.length];
        if (!gap) break;
        const grade = gradeFor(rng, gap.result);
        const finding = createFinding(ctx, {
          assessmentId: assessment.id,
          requirementId: gap.id,
          grade,
          statement: fill(pick(rng, findingStatements[grade]), { system: pick(rng, demoSystems) }),
          evidenceRef: `Interview ${pick(rng, demoPeople).name}; document sample ${1 + Math.floor(rng() * 12)}`,
          recommendation: pick(rng, recommendations),
          owner: pick(rng, demoPeople).name,
          dueDate: `2027-0${1 + Math.floor(rng() * 3)}-${String(10 + Math.floor(rng() * 18)).padStart(2, '0')}`,
          status: rng() < 0.15 ? 'closed' : rng() < 0.3 ? 'in-progress' : 'open',
        });
        findingIds.push(finding.id);
        report.findings += 1;
      }
      for (const a of answered.filter((x) => isAnnexA(x.ref)).slice(0, large ? 38 : 20)) {
        const excluded = a.result === 'not-applicable';
        saveSoaEntry(ctx, {
          assessmentId: assessment.id,
          requirementId: a.id,
          applicable: !excluded,
          justification: excluded
            ? pick(rng, naJustifications)
            : 'Needed to treat the AI risks recorded for the systems in scope and expected by customers’ contracts.',
          implementationStatus: excluded
            ? 'not-applicable'
            : a.result === 'conformant'
              ? 'implemented'
              : a.result === 'partially-conformant'
                ? 'partially-implemented'
                : 'planned',
        });
        report.soaEntries += 1;
      }
      report.engagements += 1;
      report.assessments += 1;
      report.assessmentIds.push(assessment.id);
      report.engagementIds.push(engagement.id);
      const scope: DemoScope = {
        engagementId: engagement.id,
        requirementIds: answered.map((a) => a.id),
        findingIds,
      };
      return scope;
    });
    // The first client carries the large register (10,000 risks) and the vault files; the others a small register.
    const risks = seedRiskDemo(ctx, {
      engagementId: scope.engagementId,
      size: large && c === 0 ? 'large' : 'small',
      rng,
    });
    report.risks += risks.risks;
    if (c === 0) report.evidence = (await seedEvidenceDemo(ctx, { ...scope, rng })).length;
  }
  return report;
}
