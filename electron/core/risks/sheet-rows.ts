import type { ImportRowError } from '../../../shared/contracts/risk-sheets';
import type { ImportFieldKey } from '../../../shared/domain/risk-sheet-fields';
import {
  riskStatuses,
  riskStatusLabels,
  treatmentOptions,
  type RiskStatus,
  type TreatmentOption,
} from '../../../shared/domain/risks';
import type { RiskCriteriaRules } from '../../../shared/rules/risk-levels';
import type { RiskFields } from './write';
import type { RiskLookups } from './lookups';
import type { Grid } from '../sheets';

export type Mapping = Partial<Record<ImportFieldKey, number | null>>;

export interface ImportedRow {
  row: number;
  ref: string | null;
  fields: RiskFields;
}

const split = (v: string) =>
  v
    .split(/[;\n]+/)
    .map((s) => s.trim())
    .filter(Boolean);

const treatmentWords: Record<string, TreatmentOption> = {
  mitigate: 'modify',
  reduce: 'modify',
  treat: 'modify',
  transfer: 'share',
  accept: 'retain',
  tolerate: 'retain',
  terminate: 'avoid',
};

interface Context {
  rules: RiskCriteriaRules;
  lookups: RiskLookups;
  sourceTitles: Map<string, string>;
  objectiveTitles: Map<string, string>;
}

export function convertRows(
  grid: Grid,
  mapping: Mapping,
  ctx: Context,
  existingRefs: Set<string>,
): { rows: ImportedRow[]; errors: ImportRowError[] } {
  const systemsByName = new Map(
    [...ctx.lookups.systems].map(([id, name]) => [name.toLowerCase(), id]),
  );
  const controlsByRef = new Map(
    [...ctx.lookups.controls].map(([id, ref]) => [ref.toUpperCase(), id]),
  );
  const rows: ImportedRow[] = [];
  const errors: ImportRowError[] = [];
  const refsInFile = new Set<string>();
  grid.rows.forEach((cells, i) => {
    const row = i + 2;
    if (cells.every((c) => !c)) return;
    const get = (key: ImportFieldKey) => {
      const index = mapping[key];
      return index === null || index === undefined ? '' : (cells[index] ?? '');
    };
    const fail = (field: ImportFieldKey, message: string) => errors.push({ row, field, message });
    const before = errors.length;
    const text = (key: ImportFieldKey, max: number) => {
      const v = get(key);
      if (v.length > max) fail(key, `is longer than ${max} characters`);
      return v.slice(0, max);
    };
    const level = (key: ImportFieldKey, levels: number, labels: string[], required: boolean) => {
      const v = get(key);
      if (!v) {
        if (required) fail(key, 'is empty; it is required');
        return null;
      }
      const byLabel = labels.findIndex((l) => l.toLowerCase() === v.toLowerCase());
      if (byLabel >= 0) return byLabel + 1;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > levels) {
        fail(
          key,
          `"${v}" is out of range: use a whole number from 1 to ${levels} or one of ${labels.join(', ')}`,
        );
        return null;
      }
      return n;
    };
    const title = text('title', 300);
    if (!title) fail('title', 'is empty; every risk needs a title');
    const { rules } = ctx;
    const likelihood = level('likelihood', rules.likelihoodLevels, rules.likelihoodLabels, true);
    const impact = level('impact', rules.impactLevels, rules.impactLabels, true);
    const residualLikelihood = level(
      'residualLikelihood',
      rules.likelihoodLevels,
      rules.likelihoodLabels,
      false,
    );
    const residualImpact = level('residualImpact', rules.impactLevels, rules.impactLabels, false);
    if ((get('residualLikelihood') === '') !== (get('residualImpact') === '')) {
      fail('residualImpact', 'give both residual likelihood and residual impact, or neither');
    }
    const aiSystemIds = split(get('aiSystems')).flatMap((name) => {
      const id = systemsByName.get(name.toLowerCase());
      if (!id)
        fail(
          'aiSystems',
          `"${name}" is not an AI system of this engagement; add it to the inventory first`,
        );
      return id ? [id] : [];
    });
    const annexC = (v: string, pattern: RegExp, titles: Map<string, string>, set: Set<string>) => {
      const id = pattern.exec(v)?.[0] ?? titles.get(v.toLowerCase()) ?? null;
      return id && set.has(id) ? id : null;
    };
    const sourceText = get('riskSource');
    const riskSource = sourceText
      ? annexC(sourceText, /C\.3\.\d+/, ctx.sourceTitles, ctx.lookups.sources)
      : null;
    if (sourceText && !riskSource)
      fail('riskSource', `"${sourceText}" is not an Annex C risk source (C.3.1–C.3.7)`);
    const objectives = split(get('objectives').replace(/,/g, ';')).flatMap((v) => {
      const id = annexC(v, /C\.2\.\d+/, ctx.objectiveTitles, ctx.lookups.objectives);
      if (!id) fail('objectives', `"${v}" is not an Annex C objective (C.2.1–C.2.11)`);
      return id ? [id] : [];
    });
    const controlIds = get('controls')
      .split(/[;,\s]+/)
      .filter(Boolean)
      .flatMap((v) => {
        const ref = v.toUpperCase().startsWith('A.') ? v.toUpperCase() : `A.${v}`;
        const id = controlsByRef.get(ref);
        if (!id) fail('controls', `"${v}" is not an Annex A control (A.2.2–A.10.4)`);
        return id ? [id] : [];
      });
    const treatmentText = get('treatmentOption').toLowerCase();
    let treatmentOption: TreatmentOption | null = null;
    if (treatmentText) {
      treatmentOption = (treatmentOptions as readonly string[]).includes(treatmentText)
        ? (treatmentText as TreatmentOption)
        : (treatmentWords[treatmentText] ?? null);
      if (!treatmentOption)
        fail(
          'treatmentOption',
          `"${get('treatmentOption')}" is not one of modify, avoid, share, retain`,
        );
    }
    const statusText = get('status').toLowerCase();
    let status: RiskStatus = 'open';
    if (statusText) {
      const found = riskStatuses.find(
        (s) => s === statusText || riskStatusLabels[s].toLowerCase() === statusText,
      );
      if (found) status = found;
      else fail('status', `"${get('status')}" is not one of ${riskStatuses.join(', ')}`);
    }
    const due = get('dueDate');
    const dueOk =
      !due || (/^\d{4}-\d{2}-\d{2}$/.test(due) && !Number.isNaN(Date.parse(`${due}T00:00:00Z`)));
    if (!dueOk) fail('dueDate', `"${due}" is not a date as YYYY-MM-DD`);
    const ref = get('ref') || null;
    if (ref) {
      if (ref.length > 40) fail('ref', 'is longer than 40 characters');
      else if (existingRefs.has(ref)) fail('ref', `${ref} already exists in this engagement`);
      else if (refsInFile.has(ref)) fail('ref', `${ref} appears twice in the file`);
      refsInFile.add(ref);
    }
    if (errors.length > before || likelihood === null || impact === null) return;
    rows.push({
      row,
      ref,
      fields: {
        title,
        description: text('description', 20_000),
        aiSystemIds: [...new Set(aiSystemIds)],
        riskSource,
        objectives: [...new Set(objectives)],
        likelihood,
        impact,
        treatmentOption,
        treatmentPlan: text('treatmentPlan', 20_000),
        controlIds: [...new Set(controlIds)],
        residualLikelihood,
        residualImpact,
        owner: text('owner', 200),
        dueDate: due || null,
        status,
      },
    });
  });
  return { rows, errors };
}
