/**
 * Risk criteria and level rules: pure functions shared by the services, the import and the
 * renderer, so a level shown on screen is computed exactly as the stored one was.
 *
 * Semantics: score = likelihood × impact (1..L×I). A risk's band is the last band whose minScore is
 * at or below the score. A score at or below the acceptance threshold is acceptable.
 */

export interface RiskBand {
  name: string;
  minScore: number;
}

export interface RiskCriteriaRules {
  likelihoodLevels: number;
  impactLevels: number;
  likelihoodLabels: string[];
  impactLabels: string[];
  /** Ordered by minScore ascending; the first starts at 1. */
  bands: RiskBand[];
  /** The highest score that may be accepted without treatment. */
  acceptanceThreshold: number;
}

export interface CriteriaProblem {
  path: string;
  message: string;
}

export const MIN_LEVELS = 3;
export const MAX_LEVELS = 5;
export const MAX_BANDS = 6;

export const defaultCriteria: RiskCriteriaRules = {
  likelihoodLevels: 5,
  impactLevels: 5,
  likelihoodLabels: ['Rare', 'Unlikely', 'Possible', 'Likely', 'Almost certain'],
  impactLabels: ['Negligible', 'Minor', 'Moderate', 'Major', 'Severe'],
  bands: [
    { name: 'low', minScore: 1 },
    { name: 'medium', minScore: 5 },
    { name: 'high', minScore: 10 },
    { name: 'critical', minScore: 17 },
  ],
  acceptanceThreshold: 4,
};

export function maxScore(c: Pick<RiskCriteriaRules, 'likelihoodLevels' | 'impactLevels'>): number {
  return c.likelihoodLevels * c.impactLevels;
}

function checkLevels(problems: CriteriaProblem[], name: string, levels: number, labels: string[]) {
  if (!Number.isInteger(levels) || levels < MIN_LEVELS || levels > MAX_LEVELS) {
    problems.push({ path: `${name}Levels`, message: `must be a whole number from 3 to 5` });
    return;
  }
  if (labels.length !== levels) {
    problems.push({
      path: `${name}Labels`,
      message: `needs exactly ${levels} labels, one per level (has ${labels.length})`,
    });
  }
  labels.forEach((label, i) => {
    if (!label.trim()) problems.push({ path: `${name}Labels.${i}`, message: 'is empty' });
  });
  const seen = new Set(labels.map((l) => l.trim().toLowerCase()));
  if (seen.size !== labels.length) {
    problems.push({ path: `${name}Labels`, message: 'has the same label twice' });
  }
}

/** Every problem with a set of criteria; an empty list means they can be saved. */
export function validateCriteria(c: RiskCriteriaRules): CriteriaProblem[] {
  const problems: CriteriaProblem[] = [];
  checkLevels(problems, 'likelihood', c.likelihoodLevels, c.likelihoodLabels);
  checkLevels(problems, 'impact', c.impactLevels, c.impactLabels);
  if (problems.some((p) => p.path === 'likelihoodLevels' || p.path === 'impactLevels')) {
    return problems;
  }
  const top = maxScore(c);
  if (c.bands.length < 2 || c.bands.length > MAX_BANDS) {
    problems.push({ path: 'bands', message: `needs 2 to ${MAX_BANDS} bands` });
  }
  const names = new Set<string>();
  c.bands.forEach((band, i) => {
    if (!band.name.trim()) problems.push({ path: `bands.${i}.name`, message: 'is empty' });
    const key = band.name.trim().toLowerCase();
    if (names.has(key)) {
      problems.push({ path: `bands.${i}.name`, message: `"${band.name}" is used twice` });
    }
    names.add(key);
    if (!Number.isInteger(band.minScore) || band.minScore < 1 || band.minScore > top) {
      problems.push({ path: `bands.${i}.minScore`, message: `must be a whole number 1–${top}` });
    } else if (i === 0 && band.minScore !== 1) {
      problems.push({ path: 'bands.0.minScore', message: 'the first band must start at 1' });
    } else if (i > 0 && band.minScore <= (c.bands[i - 1]?.minScore ?? 0)) {
      problems.push({
        path: `bands.${i}.minScore`,
        message: 'must be higher than the band before it',
      });
    }
  });
  const t = c.acceptanceThreshold;
  if (!Number.isInteger(t) || t < 1 || t > top) {
    problems.push({ path: 'acceptanceThreshold', message: `must be a whole number 1–${top}` });
  }
  return problems;
}

export function isLevelInRange(level: number, levels: number): boolean {
  return Number.isInteger(level) && level >= 1 && level <= levels;
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** The band a score falls in: the last band whose minScore is at or below it. */
export function bandFor(bands: RiskBand[], score: number): string {
  let name = bands[0]?.name ?? '';
  for (const band of bands) if (score >= band.minScore) name = band.name;
  return name;
}

export function isAcceptable(c: Pick<RiskCriteriaRules, 'acceptanceThreshold'>, score: number) {
  return score <= c.acceptanceThreshold;
}

export interface RiskLevel {
  score: number;
  band: string;
  acceptable: boolean;
}

/** Rates a likelihood and impact under criteria; throws if either is outside the matrix. */
export function rate(c: RiskCriteriaRules, likelihood: number, impact: number): RiskLevel {
  if (!isLevelInRange(likelihood, c.likelihoodLevels)) {
    throw new RangeError(`likelihood must be 1–${c.likelihoodLevels}`);
  }
  if (!isLevelInRange(impact, c.impactLevels)) {
    throw new RangeError(`impact must be 1–${c.impactLevels}`);
  }
  const score = riskScore(likelihood, impact);
  return { score, band: bandFor(c.bands, score), acceptable: isAcceptable(c, score) };
}

/** Index of a band by name (for ordering and colouring), -1 when the name is not a band. */
export function bandIndex(bands: RiskBand[], name: string | null): number {
  return name === null ? -1 : bands.findIndex((b) => b.name === name);
}
