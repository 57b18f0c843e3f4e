/**
 * Named report templates (which sections, in what order), kept in the settings table under one
 * key as JSON checked on every read; each change is one transaction with its audit row.
 */
import { z } from 'zod';
import type { ParsedInput } from '../../../shared/contracts';
import { reportTemplateSchema, type ReportTemplate } from '../../../shared/contracts/reports';
import { audit, inTransaction, type CoreContext } from '../context';
import { notFound } from '../errors';
import { readSetting, writeSetting } from '../db';

const KEY = 'report-templates';
const storedSchema = z.array(reportTemplateSchema);

const byName = (a: ReportTemplate, b: ReportTemplate) =>
  a.name.localeCompare(b.name, undefined, { sensitivity: 'base' });

export function listTemplates(ctx: CoreContext): ReportTemplate[] {
  return (readSetting(ctx.store.db, KEY, storedSchema) ?? []).sort(byName);
}

/** A template by name, matched without regard to case (names are shown, not typed exactly). */
export function templateNamed(ctx: CoreContext, name: string): ReportTemplate {
  const wanted = name.trim().toLocaleLowerCase();
  const found = listTemplates(ctx).find((t) => t.name.toLocaleLowerCase() === wanted);
  if (!found) throw notFound('Report template', `"${name}"`);
  return found;
}

function write(
  ctx: CoreContext,
  action: string,
  name: string,
  change: (list: ReportTemplate[]) => ReportTemplate[],
): void {
  const now = ctx.now();
  inTransaction(ctx, () => {
    const before = listTemplates(ctx);
    const after = change(before).sort(byName);
    writeSetting(ctx.store.db, KEY, after, now);
    audit(ctx, now, {
      action,
      entityType: 'report-template',
      entityId: name,
      before: before.find((t) => same(t.name, name)) ?? null,
      after: after.find((t) => same(t.name, name)) ?? null,
    });
  });
}

const same = (a: string, b: string) => a.toLocaleLowerCase() === b.toLocaleLowerCase();

export function saveTemplate(
  ctx: CoreContext,
  input: ParsedInput<'reports.saveTemplate'>,
): ReportTemplate {
  const template = { name: input.name, sections: input.sections };
  write(ctx, 'report-template.save', input.name, (list) => [
    ...list.filter((t) => !same(t.name, input.name)),
    template,
  ]);
  return template;
}

export function deleteTemplate(ctx: CoreContext, name: string): { ok: true } {
  const existing = templateNamed(ctx, name);
  write(ctx, 'report-template.delete', existing.name, (list) =>
    list.filter((t) => !same(t.name, existing.name)),
  );
  return { ok: true };
}
