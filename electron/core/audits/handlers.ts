import type { DomainHandlers } from '../handler';
import { requireEngagement } from '../engagements';
import { auditChecklist } from './checklist';
import { answerChecklist, clearChecklistAnswer } from './checklist-write';
import { programmeCoverage } from './coverage';
import { getProgramme, listAudits, listProgrammes } from './queries';
import { deleteAudit, saveAudit, saveProgramme } from './write';

export const auditHandlers: DomainHandlers<'audits'> = {
  'audits.programmes': (ctx, input) => {
    requireEngagement(ctx, input.engagementId);
    return listProgrammes(ctx, input.engagementId);
  },
  'audits.saveProgramme': (ctx, input) => saveProgramme(ctx, input),
  'audits.list': (ctx, input) => {
    getProgramme(ctx, input.programmeId);
    return listAudits(ctx, input.programmeId);
  },
  'audits.save': (ctx, input) => saveAudit(ctx, input),
  'audits.delete': (ctx, input) => deleteAudit(ctx, input.id),
  'audits.coverage': (ctx, input) => programmeCoverage(ctx, input.programmeId),
  'audits.checklist': (ctx, input) => auditChecklist(ctx, input.auditId),
  'audits.answer': (ctx, input) => answerChecklist(ctx, input),
  'audits.clearAnswer': (ctx, input) => clearChecklistAnswer(ctx, input),
};
