import type { DomainHandlers } from '../handler';
import { getRiskCriteria, saveRiskCriteria } from './criteria';
import {
  acceptRisk,
  createRisk,
  deleteRisk,
  getRisk,
  listRisks,
  rerateRisks,
  risksByControl,
  updateRisk,
} from './register';
import { commitRiskImport, exportRisksCsv, exportRisksXlsx, previewRiskImport } from './sheets';

/** The risk register and the engagement's risk criteria (one room: criteria exist for the register). */
export const riskHandlers: DomainHandlers<'risks' | 'riskCriteria'> = {
  'riskCriteria.get': (ctx, input) => getRiskCriteria(ctx, input.engagementId),
  'riskCriteria.save': (ctx, input) => saveRiskCriteria(ctx, input),
  'risks.list': (ctx, input) => listRisks(ctx, input.engagementId, input.limit),
  'risks.get': (ctx, input) => getRisk(ctx, input.id),
  'risks.create': (ctx, input) => createRisk(ctx, input),
  'risks.update': (ctx, input) => updateRisk(ctx, input),
  'risks.delete': (ctx, input) => deleteRisk(ctx, input.id),
  'risks.accept': (ctx, input) => acceptRisk(ctx, input),
  'risks.rerate': (ctx, input) => rerateRisks(ctx, input),
  'risks.byControl': (ctx, input) => risksByControl(ctx, input.engagementId),
  'risks.exportXlsx': (ctx, input) => exportRisksXlsx(ctx, input.engagementId),
  'risks.exportCsv': (ctx, input) => exportRisksCsv(ctx, input.engagementId),
  'risks.importPreview': (ctx, input) => previewRiskImport(ctx, input),
  'risks.importCommit': (ctx, input) => commitRiskImport(ctx, input),
};
