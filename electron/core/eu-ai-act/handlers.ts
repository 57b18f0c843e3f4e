import type { DomainHandlers } from '../handler';
import { exportEuAiActXlsx } from './export';
import { euAiActView } from './obligations';

export const euAiActHandlers: DomainHandlers<'euAiAct'> = {
  'euAiAct.obligations': (ctx, input) => euAiActView(ctx, input.assessmentId),
  'euAiAct.exportXlsx': (ctx, input) => exportEuAiActXlsx(ctx, input.assessmentId),
};
