import type { DomainHandlers } from '../handler';
import { exportReport } from './export';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports.export': async (ctx, input) => {
    const { path: _path, ...result } = await exportReport(ctx, input);
    return result;
  },
  'reports.templates': (ctx) => listTemplates(ctx),
  'reports.saveTemplate': (ctx, input) => saveTemplate(ctx, input),
  'reports.deleteTemplate': (ctx, input) => deleteTemplate(ctx, input.name),
};
