import type { DomainHandlers } from '../handler';
import { exportReport } from './export';
import { auditReportRecord, exportRecord, minutesRecord } from './records';
import { deleteTemplate, listTemplates, saveTemplate } from './templates';

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports.export': async (ctx, input) => {
    const { path: _path, ...result } = await exportReport(ctx, input);
    return result;
  },
  'reports.auditReport': (ctx, { auditId, ...input }) =>
    exportRecord(ctx, (draft) => auditReportRecord(ctx, auditId, draft), input),
  'reports.reviewMinutes': (ctx, { reviewId, ...input }) =>
    exportRecord(ctx, (draft) => minutesRecord(ctx, reviewId, draft), input),
  'reports.templates': (ctx) => listTemplates(ctx),
  'reports.saveTemplate': (ctx, input) => saveTemplate(ctx, input),
  'reports.deleteTemplate': (ctx, input) => deleteTemplate(ctx, input.name),
};
