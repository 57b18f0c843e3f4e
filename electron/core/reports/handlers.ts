import type { DomainHandlers } from '../handler';
import { exportReport } from './export';

export const reportHandlers: DomainHandlers<'reports'> = {
  'reports.export': async (ctx, input) => {
    const { path: _path, ...result } = await exportReport(ctx, input);
    return result;
  },
};
