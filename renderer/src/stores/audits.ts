import type { CommandInput } from '../../../shared/contracts';
import { api } from '../api/client';

export type ProgrammeInput = CommandInput<'audits.saveProgramme'>;
export type AuditInput = CommandInput<'audits.save'>;

/** The internal audit programmes of an engagement, newest period first. */
export const fetchProgrammes = (engagementId: string) =>
  api().invoke('audits.programmes', { engagementId });

/** A programme's audits, each with its independence check. */
export const fetchAudits = (programmeId: string) => api().invoke('audits.list', { programmeId });

/** The coverage map: each requirement audited when, planned, or not yet covered. */
export const fetchCoverage = (programmeId: string) =>
  api().invoke('audits.coverage', { programmeId });

export const saveProgramme = (input: ProgrammeInput) => api().invoke('audits.saveProgramme', input);
export const saveAudit = (input: AuditInput) => api().invoke('audits.save', input);
export const deleteAudit = (id: string) => api().invoke('audits.delete', { id });

export type ChecklistAnswerInput = CommandInput<'audits.answer'>;

/** An audit's checklist: its lines with the question bank's prompts, progress and findings. */
export const fetchChecklist = (auditId: string) => api().invoke('audits.checklist', { auditId });

/** Records one line (a nonconformity raises its finding in the current assessment). */
export const answerLine = (input: ChecklistAnswerInput) => api().invoke('audits.answer', input);

export const clearLine = (auditId: string, requirementId: string) =>
  api().invoke('audits.clearAnswer', { auditId, requirementId });
